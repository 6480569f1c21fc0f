import asyncio, functools

def sync_decorator(fn):
    @functools.wraps(fn)
    async def wrapper(*a, **k):
        print(f"calling {fn.__name__}")
        r = await fn(*a, **k)
        print(f"{fn.__name__} returned {r!r}")
        return r
    return wrapper

def retry(times):
    def deco(fn):
        @functools.wraps(fn)
        async def w(*a, **k):
            for i in range(times):
                try:
                    return await fn(*a, **k)
                except ValueError as e:
                    print("attempt", i, "failed:", e)
            raise RuntimeError("out of retries")
        return w
    return deco

attempts = 0
@retry(3)
@sync_decorator
async def unreliable(x):
    global attempts
    attempts += 1
    await asyncio.sleep(0)
    if attempts < 3:
        raise ValueError(f"try {attempts}")
    return x * 2

class Service:
    def __init__(self):
        self.calls = 0
    async def fetch(self, key):
        self.calls += 1
        await asyncio.sleep(0.001)
        return f"value-{key}"
    @functools.cached_property
    def lock(self):
        return asyncio.Lock()
    @staticmethod
    async def ping():
        return "pong"
    @classmethod
    async def create(cls):
        s = cls()
        await asyncio.sleep(0)
        return s

async def main():
    print(await unreliable(21), unreliable.__name__, unreliable.__wrapped__.__name__)
    s = await Service.create()
    async with s.lock:
        print(await s.fetch("a"), await Service.ping(), s.lock is s.lock)
    cache = {}
    async def cached(key):
        if key not in cache:
            cache[key] = asyncio.ensure_future(s.fetch(key))
        return await cache[key]
    print(await asyncio.gather(cached("k"), cached("k"), cached("j")), s.calls)
    p = functools.partial(s.fetch, "partial")
    print(await p())
    lam = lambda: asyncio.sleep(0, "lambda")
    print(await lam())
    print(await asyncio.create_task(p()))

asyncio.run(main())
