import asyncio

async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker cleanup")

async def plain(n):
    for i in range(n):
        yield i

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n

async def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"

async def main():
    async for x in ticker(3, 0.01):
        print("tick", x)
    else:
        print("loop else")
    async for x in plain(5):
        if x == 2:
            break
        print("early", x)
    async for v in Countdown(3):
        print("countdown", v)
    g = echo()
    print(await g.__anext__())
    print(await g.asend("a"))
    print(await g.asend("b"))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed generator is exhausted")
    print(type(g).__name__, g.__aiter__() is g)
    agen = ticker(2, 0)
    print(await agen.__anext__())
    try:
        await agen.athrow(ValueError("injected"))
    except ValueError as e:
        print("athrow raised", e)
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print(e)

asyncio.run(main())
