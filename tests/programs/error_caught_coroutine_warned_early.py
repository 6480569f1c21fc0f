import asyncio
async def f(): pass
def g():
    c = f()
    raise ValueError("boom")
try:
    g()
except ValueError:
    print("caught")
print("after")
raise KeyError("end")
