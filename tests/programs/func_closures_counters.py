def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc()
print(get(), inc(), get())

def multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

print([m(10) for m in multipliers()])

def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed

f = compose(lambda x: x + 1, lambda x: x * 2, abs)
print(f(-5), f(3))

def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper

@memoize
def slow_square(n):
    print("computing", n)
    return n * n

print(slow_square(4), slow_square(4), slow_square(5), len(slow_square.cache))
