import asyncio
from contextlib import aclosing

async def ticker(n, log):
    try:
        for i in range(n):
            try:
                yield i
            except ValueError as e:
                log.append(f"caught {e}")
                yield -1
            await asyncio.sleep(0)
    finally:
        log.append("cleanup start")
        await asyncio.sleep(0)
        log.append("cleanup end")

async def main():
    log = []
    async with aclosing(ticker(5, log)) as t:
        async for v in t:
            print("v", v)
            if v == 2:
                break
    print(log); log.clear()
    g = ticker(3, log)
    print(await anext(g), await g.athrow(ValueError("x")), await anext(g))
    await g.aclose()
    print(log); log.clear()
    g2 = ticker(1, log)
    print(await anext(g2))
    print(await anext(g2, "default"))
    print(await anext(g2, "default"))
    print(log); log.clear()
    try:
        await anext(g2)
    except StopAsyncIteration:
        print("exhausted")
    async def bad():
        try:
            yield 1
        finally:
            yield 2
    b = bad()
    await anext(b)
    try:
        await b.aclose()
    except RuntimeError as e:
        print("RE", e)
    async def gen_return():
        yield 1
        return
    print([x async for x in gen_return()])
    ag = ticker(2, log)
    print(ag.__aiter__() is ag, type(ag.asend(None)).__name__, ag.ag_running)
    async def counter():
        i = 0
        while True:
            got = yield i
            i = got if got is not None else i + 1
    c = counter()
    print(await c.asend(None), await c.asend(10), await c.__anext__(), await c.asend(None))
    await c.aclose()
    print(ag.__qualname__, ag.__name__)

asyncio.run(main())
