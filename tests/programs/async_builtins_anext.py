# The built-ins aiter() and anext(), with and without a default.
import asyncio


async def gen(n):
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
        return self.n


async def main():
    g = gen(2)
    print(aiter(g) is g)
    print(await anext(g))
    print(await anext(g, "default"))
    print(await anext(g, "default"))
    print(await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    c = aiter(Countdown(2))
    print(await anext(c), await anext(c))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("countdown done")
    for bad in (1, [1]):
        try:
            aiter(bad)
        except TypeError as e:
            print(e)
        try:
            anext(bad)
        except TypeError as e:
            print(e)
    closed = gen(3)
    await closed.aclose()
    print(await anext(closed, "closed"))
    await anext(gen(1), 0, 1)


asyncio.run(main())
