"""Every async form: coroutines, await chains, async with/for, async comprehensions and generators."""
import asyncio


class Resource:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *exc):
        print("exit")
        return False


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def leaf(v):
    await asyncio.sleep(0)
    return v * 2


async def middle(v):
    return await leaf(v) + 1


async def main():
    async with Resource() as r:
        print(type(r).__name__)
    async for t in ticker(3):
        print("tick", t)
    squares = [t * t async for t in ticker(4) if t % 2 == 0]
    doubled = [await leaf(v) for v in range(3)]
    gen = (await middle(v) for v in range(2))
    print(squares, doubled, [g async for g in gen])
    results = await asyncio.gather(*(middle(i) for i in range(3)))
    task = asyncio.create_task(middle(10), name="worker")
    print(results, await task, task.get_name())


asyncio.run(main())
