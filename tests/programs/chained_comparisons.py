def grade(score):
    if 90 <= score <= 100:
        return "A"
    elif 80 <= score < 90:
        return "B"
    elif 0 <= score < 80:
        return "C"
    return "invalid"

print([grade(s) for s in [95, 85, 50, 100, 101, -5, 90, 80]])
x = 5
print(1 < x < 10 < 20, 1 < x > 3, x == 5 != 6, 1 < 2 > 3)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(5), calls)
print("a" < "b" < "c", [1] < [1, 0] < [2], (1, "a") < (1, "b"))
