import time
import asyncio

for i in range(3):
    print(i, time.time() > 0)
    if i == 0:
        time.time = lambda: -1.0
    elif i == 1:
        setattr(time, "time", lambda: 5.0)

original = asyncio.sleep

async def traced(delay, result=None):
    print("sleeping", delay)
    return await original(delay, result)

async def main():
    for i in range(2):
        print(await asyncio.sleep(0, i))
        asyncio.sleep = traced

asyncio.run(main())
