import asyncio

async def worker(n, delay):
    print(f"worker {n} start")
    await asyncio.sleep(delay)
    print(f"worker {n} done")
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker(1, 0.02))
        b = tg.create_task(worker(2, 0.01))
        print("tasks created")
    print("results", a.result(), b.result())
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group done")

asyncio.run(main())
