import asyncio

async def job(name, delay, fail=False):
    print(f"start {name}")
    await asyncio.sleep(delay)
    if fail:
        print(f"fail {name}")
        raise ValueError(f"{name} failed")
    print(f"end {name}")
    return name

async def main():
    results = await asyncio.gather(job("slow", 0.03), job("fast", 0.01), job("zero", 0))
    print("results", results)
    same = job("dup", 0.01)
    print("dups", await asyncio.gather(same, same, job("other", 0)))
    print("empty", await asyncio.gather())
    mixed = await asyncio.gather(job("ok", 0.01), job("bad", 0.005, True), return_exceptions=True)
    print("mixed", [repr(r) for r in mixed])
    try:
        await asyncio.gather(job("a", 0.02), job("b", 0.01, True), job("c", 0.03))
    except ValueError as e:
        print("caught", e)
    print("others keep running")
    await asyncio.sleep(0.05)
    t = asyncio.create_task(job("task", 0.01))
    print("task in gather", await asyncio.gather(t, job("coro", 0)))

asyncio.run(main())
