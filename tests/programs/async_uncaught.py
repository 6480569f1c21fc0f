import asyncio

async def level2():
    await asyncio.sleep(0)
    raise KeyError("missing")

async def level1():
    await level2()

async def main():
    print("before")
    await asyncio.gather(level1(), asyncio.sleep(0.01))
    print("not reached")

asyncio.run(main())
