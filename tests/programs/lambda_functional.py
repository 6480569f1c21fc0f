from math import sqrt
points = [(3, 4), (1, 1), (0, 5), (-2, 2)]
print(sorted(points, key=lambda p: sqrt(p[0] ** 2 + p[1] ** 2)))
print(list(map(lambda p: p[0] + p[1], points)))
print(list(filter(lambda p: p[0] > 0, points)))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
apply_n = lambda f, n, x: x if n == 0 else apply_n(f, n - 1, f(x))
print(apply_n(dbl, 10, 1))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(7, 3) for k, f in ops.items()})
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, x=3))
