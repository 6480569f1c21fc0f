async def fetch(key, cache):
    if key in cache:
        return cache[key]
    value = await compute(key)
    cache[key] = value
    return value


async def compute(key):
    return len(key) * 2
