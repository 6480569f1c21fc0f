import asyncio

async def worker(name, steps):
    print(f"{name} start")
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} end")
    return name.upper()

async def main():
    print("main start")
    a = asyncio.create_task(worker("a", 3))
    print("created a")
    b = asyncio.create_task(worker("b", 1))
    print("created b")
    await asyncio.sleep(0)
    print("main after first sleep(0)")
    c = asyncio.create_task(worker("c", 2))
    print("awaiting b")
    print("b gave", await b)
    print("awaiting a")
    print("a gave", await a)
    print("c done?", c.done())
    print("c gave", await c)
    print("a done?", a.done(), "result", a.result())

asyncio.run(main())
