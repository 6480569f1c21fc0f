import asyncio
async def f(): pass
async def m():
    asyncio.run(f())
asyncio.run(m())
