calls = []
def noisy(x):
    calls.append(x)
    return x * 10

gen = (noisy(x) for x in range(5))
print(calls)
print(next(gen), calls)
print(list(gen), calls)
print(list(gen))
first_big = next(x for x in range(100) if x * x > 50)
print(first_big)
print(next((x for x in [] if x), "none found"))
squares = {x: x * x for x in range(6) if x % 2}
print(squares, sum(x for x in squares.values()), max(x for x in squares))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(tuple(c for c in "hello" if c in "aeiou"), set(len(w) for w in "a bb cc ddd".split()))
