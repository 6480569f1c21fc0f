import asyncio

async def fetch(i):
    await asyncio.sleep(0.01 * (3 - i))
    if i == 1:
        raise ConnectionError(f"request {i} failed")
    return {"id": i}

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(3)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", type(r).__name__, r)
        else:
            print("ok:", r)
    tasks = [asyncio.create_task(fetch(i)) for i in range(3)]
    for coro in asyncio.as_completed(tasks):
        try:
            print("completed", await coro)
        except ConnectionError as e:
            print("failed", e)
    async def countdown(n):
        while n:
            print("T-minus", n)
            await asyncio.sleep(0.005)
            n -= 1
        return "liftoff"
    print(await asyncio.wait_for(countdown(3), 1))
    try:
        await asyncio.wait_for(countdown(100), 0.012)
    except asyncio.TimeoutError:
        print("aborted")
    await fetch(1)

asyncio.run(main())
