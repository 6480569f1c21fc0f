import asyncio
async def f(x):
    await asyncio.sleep(0)
    return x
async def main():
    c = f(1)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("done")
    t = asyncio.create_task(f(2))
    print(await asyncio.gather(c, c, fut, fut, t, t, f(3)))
    c2 = f(4)
    await c2
    try:
        await asyncio.gather(c2)
    except RuntimeError as e:
        print(e)
asyncio.run(main())
