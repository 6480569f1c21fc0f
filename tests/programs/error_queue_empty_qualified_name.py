import asyncio
async def m():
    q = asyncio.Queue()
    q.get_nowait()
asyncio.run(m())
