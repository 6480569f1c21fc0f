def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 3, "z": 0}))


def g(x, /, y, *, z):
    return x + y + z


print(g(1, 2, z=3), g(1, y=2, z=3))
for call in [lambda: g(1, 2, 3), lambda: g(x=1, y=2, z=3), lambda: g(1, 2), lambda: f(),
             lambda: f(1, 2, c=1, b=3), lambda: f(1, c=2, q=1, **{"q": 2})]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def wrapper(func):
    def inner(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return inner


@wrapper
def add(x, y=10):
    return x + y


print(add(1), add(1, y=2))


def repeat(n):
    def deco(func):
        def run(*a):
            return [func(*a) for _ in range(n)]
        return run
    return deco


@repeat(3)
def hello(name):
    return "hi " + name


print(hello("bob"))
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
a, *mid, z = range(5)
print(first, rest, init, last, a, mid, z)
print([*range(3), *"ab"], (*[1], 2), {**{"a": 1}, "b": 2})
