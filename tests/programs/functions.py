# Functions: defaults, recursion, globals and the global statement, functions as values.
counter = 0


def bump(step=1):
    global counter
    counter += step
    return counter


def power(base, exp=2):
    result = 1
    for _ in range(exp):
        result *= base
    return result


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def nothing():
    pass


bump()
bump(5)
print(counter, power(3), power(2, 10), ackermann(2, 3), nothing())
f = power
print(f(5), f(5, 3))


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(900))
print(__name__)
