import asyncio

async def noop():
    await asyncio.sleep(0)

async def main():
    me = asyncio.current_task()
    print(me.get_name())
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="custom")
    print(a.get_name(), b.get_name())
    a.set_name(42)
    print(repr(a.get_name()))
    await asyncio.gather(a, b, noop())
    print(len(asyncio.all_tasks()))
    print(a.get_coro().__class__.__name__)
    return me.get_name()

print(asyncio.run(main()))
print(asyncio.run(main()))
