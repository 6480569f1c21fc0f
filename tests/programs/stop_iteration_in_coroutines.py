import asyncio
async def inner():
    raise StopIteration("x")
async def agen():
    yield 1
    raise StopIteration
def gen():
    yield 1
    raise StopIteration
async def main():
    try:
        await inner()
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__context__).__name__)
    try:
        await asyncio.create_task(inner())
    except RuntimeError as e:
        print("task RuntimeError", e)
    try:
        async for x in agen():
            print(x)
    except RuntimeError as e:
        print("agen RuntimeError", e)
    try:
        for x in gen():
            print(x)
    except RuntimeError as e:
        print("gen RuntimeError", e)
    c = inner()
    try:
        c.send(None)
    except RuntimeError as e:
        print("send RuntimeError", e)
asyncio.run(main())
