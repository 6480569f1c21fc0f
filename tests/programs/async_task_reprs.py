import asyncio

async def worker(name, n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0.001)
    print(f"{name} finished with {total}")
    return total

def short(text):
    # A repr without the directories of the file it names (they differ between machines).
    parts = text.split("/")
    return parts[0] + parts[-1]

async def main():
    print(asyncio.current_task().get_name())
    tasks = [asyncio.create_task(worker(f"w{i}", i + 2), name=f"worker-{i}") for i in range(3)]
    print([t.get_name() for t in tasks])
    print(short(repr(tasks[0])))
    done = await asyncio.gather(*tasks)
    print(done)
    print(short(repr(tasks[0])))
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    f = asyncio.get_running_loop().create_future()
    print(f)
    f.set_result(3)
    print(f)
    g = asyncio.get_running_loop().create_future()
    g.set_exception(ValueError("bad"))
    print(g)
    g.exception()

loop = asyncio.get_event_loop()
print(loop.run_until_complete(main()))
