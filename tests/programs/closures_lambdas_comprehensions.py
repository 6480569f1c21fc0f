# Closures (nonlocal, nested reads, cells as parameters), lambdas with defaults, comprehensions.
def counter():
    count = 0
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

c = counter()
print(c(), c(), c(5))
def outer(x):
    def mid():
        def inner():
            return x * 2
        return inner()
    return mid()
print(outer(21))
double = lambda v: v * 2
print(double(4), (lambda a, b=3: a + b)(1), list(map(double, [1])) if False else 0)
squares = [n * n for n in range(6) if n % 2 == 0]
pairs = [(i, j) for i in range(3) for j in range(i)]
table = {k: len(k) for k in ["a", "bb", "ccc"]}
base = 10
shifted = [base + v for v in squares]
print(squares, pairs, table, shifted)
def make_adders():
    return [lambda v, n=n: v + n for n in range(3)]
print([f(10) for f in make_adders()])
