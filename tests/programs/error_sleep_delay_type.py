import asyncio
async def m():
    await asyncio.sleep(-1)
    print('neg ok')
    await asyncio.sleep('x')
asyncio.run(m())
