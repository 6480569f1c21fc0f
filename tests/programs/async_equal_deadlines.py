import asyncio

async def sleeper(i, delay, order):
    await asyncio.sleep(delay)
    order.append(i)

async def main():
    loop = asyncio.get_running_loop()
    order = []
    await asyncio.gather(*[sleeper(i, 0.01, order) for i in range(12)])
    print("equal sleeps", order)
    order = []
    await asyncio.gather(*[sleeper(i, 0.01 * (i % 3), order) for i in range(12)])
    print("three groups", order)
    when = loop.time() + 0.01
    fired = []
    for i in range(10):
        loop.call_at(when, fired.append, i)
    h = loop.call_at(when, fired.append, "cancelled")
    h.cancel()
    loop.call_later(0, fired.append, "zero delay")
    loop.call_soon(fired.append, "soon")
    await asyncio.sleep(0.02)
    print("call_at same deadline", fired)
    print("handle", h.cancelled())

asyncio.run(main())
