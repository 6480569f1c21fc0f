def numbers(n):
    for i in range(n):
        yield i

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def squares(xs):
    for x in xs:
        yield x * x

pipeline = squares(evens(numbers(20)))
print(next(pipeline), next(pipeline))
print(list(pipeline))
print(sum(x for x in range(100) if x % 7 == 0))
g = (c.upper() for c in "abc")
print(list(g), list(g))

def take(n, it):
    it = iter(it)
    for _ in range(n):
        yield next(it)

def count(start=0):
    while True:
        yield start
        start += 1

print(list(take(5, count(10))))
