import asyncio
async def f(): pass
def g():
    c = f()
    raise ValueError("boom")
g()
