import asyncio

async def boom():
    await asyncio.sleep(0)
    raise RuntimeError("boom")

async def inner():
    return await boom()

async def main():
    try:
        await inner()
    except RuntimeError as e:
        print("caught", e)
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print(t.done(), repr(t.exception()))
    try:
        await 5
    except TypeError as e:
        print(e)
    try:
        asyncio.run(boom())
    except RuntimeError as e:
        print(e)
    c = boom()
    await c
    
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
try:
    asyncio.run(42)
except ValueError as e:
    print(e)
asyncio.run(main())
