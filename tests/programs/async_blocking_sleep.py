import asyncio
import time

async def blocker(n):
    print(f"blocker {n} start")
    time.sleep(0.05)
    print(f"blocker {n} end")

async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0.01)

async def main():
    start = time.time()
    await asyncio.gather(blocker(1), ticker(), blocker(2))
    elapsed = time.time() - start
    print("blocked at least 0.1 s:", elapsed >= 0.1)
    t0 = time.monotonic()
    await asyncio.sleep(0.05)
    print("slept about 0.05:", round(time.monotonic() - t0, 1))

asyncio.run(main())
