# Awaitables whose __await__ is a generator: `yield from` the __await__ of a coroutine,
# future or sleep awaits it; a bare yield gives the loop a turn; a yielded future is waited
# for; anything else is a bad yield; cancellation is thrown in at the yield.
import asyncio


class Delay:
    def __init__(self, delay, value):
        self.delay, self.value = delay, value

    def __await__(self):
        yield from asyncio.sleep(self.delay).__await__()
        return self.value


class Chained:
    def __await__(self):
        first = yield from Delay(0, "first").__await__()
        second = yield from compute(2).__await__()
        return first, second


class OnFuture:
    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(0.01, fut.set_result, "from future")
        result = yield from fut
        return result


class Turns:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            sent = yield
            print("turn", i, sent)
        try:
            yield
        finally:
            print("turns finally")
        return "turns done"


class BadYield:
    def __await__(self):
        yield 42


async def compute(x):
    await asyncio.sleep(0)
    return x * 10


async def ticker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker("a", 4))
    print(await Delay(0.01, 42))
    print(await Chained())
    print(await OnFuture())
    print(await Turns(2))
    await t
    t = asyncio.create_task(ticker("b", 2))
    try:
        await BadYield()
    except RuntimeError as e:
        print("bad:", e)
    await t

    async def waits_on_turns():
        await Turns(5)

    t = asyncio.create_task(waits_on_turns())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled at the yield", t.cancelled())
    print(await asyncio.gather(Delay(0.02, "x"), Delay(0.01, "y")))


asyncio.run(main())
