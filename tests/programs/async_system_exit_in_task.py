import asyncio, sys
async def sub():
    await asyncio.sleep(0)
    sys.exit(4)
async def main():
    t = asyncio.create_task(sub())
    await asyncio.sleep(0.1)
    print("not reached")
asyncio.run(main())
