# asyncio.Barrier (rounds, abort, async with) and asyncio.Runner (several runs in one loop,
# closed after); network streams refused by name.
import asyncio

async def worker(b, i):
    print("arrive", i, b.n_waiting)
    idx = await b.wait()
    print("pass", i, idx)
    return idx

async def main():
    b = asyncio.Barrier(3)
    print(repr(b).split(" at ")[0], repr(b).split("[")[1], b.parties, b.broken)
    r = await asyncio.gather(*(worker(b, i) for i in range(3)))
    print(r, repr(b).split(" at ")[0], repr(b).split("[")[1])
    ts = [asyncio.create_task(worker(b, i)) for i in range(2)]
    await asyncio.sleep(0)
    print(repr(b).split("[")[1])
    await b.abort()
    for t in ts:
        try:
            await t
        except asyncio.BrokenBarrierError as e:
            print("broken", repr(e))
    print(b.broken)
    async with asyncio.Barrier(1) as idx:
        print("ctx", idx)

with asyncio.Runner() as runner:
    runner.run(main())
    async def second():
        print("second run", asyncio.current_task().get_name())
        return 5
    print(runner.run(second()))
    print(type(runner.get_loop()).__name__)
closing = second()
try:
    runner.run(closing)
except RuntimeError as e:
    print(e)
    closing.close()
