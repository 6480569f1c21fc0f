# An async generator left suspended by `break` or `return` out of its `async for` is closed
# by a task of its own two loop iterations later; one left suspended elsewhere is closed when
# asyncio.run ends (CPython's asyncgen hooks and shutdown_asyncgens).
import asyncio


async def numbers(tag, cleanup_awaits=False):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup", tag)
        if cleanup_awaits:
            await asyncio.sleep(0)
            print("cleanup done", tag)


kept = None


async def first_over(tag, limit):
    async for x in numbers(tag, True):
        if x > limit:
            return x
    return -1


async def ticker():
    for i in range(8):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    global kept
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    async for x in numbers("break"):
        print("got", x)
        if x == 1:
            break
    print("after break")
    print(len(asyncio.all_tasks()))
    print(await first_over("return", 0))
    kept = numbers("kept", True)
    print(await kept.__anext__())
    async for x in numbers("exhausted"):
        pass
    await t
    async for x in numbers("last"):
        break
    print("main end")


asyncio.run(main())
print("after run")


async def names():
    print(asyncio.current_task().get_name())


asyncio.run(names())
