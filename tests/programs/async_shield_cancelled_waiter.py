import asyncio
LOCK = asyncio.Lock()
async def inner(tag):
    await asyncio.sleep(0.04)
    async with LOCK:
        print("locked", tag)
        await asyncio.sleep(0)
    raise ValueError(f"inner {tag}")
async def waiter(tag):
    await asyncio.shield(inner(tag))
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(waiter("a"))
            tg.create_task(waiter("b"))
    except* ValueError as eg:
        print("group", len(eg.exceptions))
    await asyncio.sleep(0.05)
    print("end")
asyncio.run(main())
