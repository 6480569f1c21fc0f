import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(None)

async def consumer(q, name):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        print(name, "got", item)
        q.task_done()
        await asyncio.sleep(0)

async def slow(x):
    await asyncio.sleep(0.05)
    return x

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q, "c1"))
    await q.join()
    print("queue empty", q.empty(), q.qsize())

    ev = asyncio.Event()
    async def waiter(i):
        print("waiting", i)
        await ev.wait()
        print("released", i)
    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)

    lock = asyncio.Lock()
    async def critical(i):
        async with lock:
            print("enter", i, lock.locked())
            await asyncio.sleep(0.01)
            print("leave", i)
    await asyncio.gather(*(critical(i) for i in range(3)))

    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            print("start", i)
            await asyncio.sleep(0.01)
            print("end", i)
    await asyncio.gather(*(limited(i) for i in range(4)))

    print(await asyncio.wait_for(slow(1), timeout=1))
    try:
        await asyncio.wait_for(slow(2), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    try:
        await asyncio.wait_for(slow(2), timeout=0.01)
    except TimeoutError as e:
        print("TimeoutError", type(e).__name__)

    t1 = asyncio.create_task(slow("a"))
    t2 = asyncio.create_task(asyncio.sleep(1, "b"))
    done, pending = await asyncio.wait([t1, t2], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    t2.cancel()

    for coro in asyncio.as_completed([slow(3), asyncio.sleep(0.01, 4)]):
        print("as_completed", await coro)

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block expired")

    inner = asyncio.create_task(slow("shielded"))
    print(await asyncio.shield(inner))
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(5)])
    try:
        pq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

asyncio.run(main())
