# functools: reduce, partial, wraps, lru_cache, cache, cmp_to_key, total_ordering.
import functools
from functools import partial, wraps, reduce, lru_cache, cache, cmp_to_key, total_ordering
import asyncio

print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a * b, [], 1))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)

def power(base, exp, *, mod=None):
    return base ** exp if mod is None else base ** exp % mod

square = partial(power, exp=2)
print(square(5), partial(power, 2)(10, mod=7), partial(partial(power, 3), 2)())
print(square.args, square.keywords, square.func is power)

def logged(f):
    @wraps(f)
    async def wrapper(*args, **kwargs):
        print("calling", f.__name__)
        return await f(*args, **kwargs)
    return wrapper

@logged
async def fetch(x):
    """Fetch x."""
    await asyncio.sleep(0)
    return x * 2

print(fetch.__name__, fetch.__doc__, fetch.__wrapped__.__name__)
print(asyncio.run(fetch(21)))

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())

@lru_cache
def sq(n):
    return n * n

@lru_cache(maxsize=2)
def cube(n):
    print("computing", n)
    return n ** 3

print(sq(4), sq(4), sq.cache_info())
print(cube(1), cube(2), cube(1), cube(3), cube(2), cube.cache_info())
cube.cache_clear()
print(cube.cache_info())

@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)

print(fact(20), fact.__name__)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n

print(Version(1) < Version(2), Version(2) <= Version(2), Version(3) > Version(2), Version(1) >= Version(2))
loop_cb = partial(print, "partial", "callback")
async def main():
    asyncio.get_running_loop().call_soon(loop_cb)
    await asyncio.sleep(0)
asyncio.run(main())
