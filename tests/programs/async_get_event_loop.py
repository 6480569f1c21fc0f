import asyncio
loop = asyncio.get_event_loop()
print(loop.is_running())
async def f():
    return asyncio.get_event_loop() is asyncio.get_running_loop()
print(loop.run_until_complete(f()))
print(asyncio.run(f()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError", e)
