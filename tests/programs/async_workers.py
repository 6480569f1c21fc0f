import asyncio
import random

async def worker(name, queue, results):
    while True:
        item = await queue.get()
        try:
            await asyncio.sleep(item / 1000)
            results.append((name, item))
            print(f"{name} handled {item}")
        finally:
            queue.task_done()

async def main():
    random.seed(1)
    queue = asyncio.Queue()
    for item in [5, 3, 8, 1, 9, 2]:
        queue.put_nowait(item)
    results = []
    workers = [asyncio.create_task(worker(f"worker-{i}", queue, results)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    outcome = await asyncio.gather(*workers, return_exceptions=True)
    print([type(o).__name__ for o in outcome])
    print(len(results), sorted(i for _, i in results))
    sem = asyncio.Semaphore(2)
    active = []
    async def limited(i):
        async with sem:
            active.append(i)
            print("running", i, "concurrent", len(active))
            await asyncio.sleep(0.01)
            active.remove(i)
    await asyncio.gather(*(limited(i) for i in range(5)))
    lock = asyncio.Lock()
    counter = 0
    async def incr():
        nonlocal counter
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1
    await asyncio.gather(*(incr() for _ in range(10)))
    print("counter", counter)

asyncio.run(main())
