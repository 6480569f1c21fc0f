import asyncio

async def compute(x):
    await asyncio.sleep(0.01)
    return x * 2

loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(compute(21)))
t = loop.create_task(compute(5))
print(t.done())
print(loop.run_until_complete(t), t.done())
order = []
loop.call_soon(order.append, 1)
loop.call_later(0.01, order.append, 3)
loop.call_soon(order.append, 2)
def stopper():
    order.append("stop")
    loop.stop()
loop.call_later(0.02, stopper)
loop.run_forever()
print(order)
start = loop.time()
print(loop.run_until_complete(asyncio.sleep(0.02, "slept")))
print(loop.time() - start >= 0.02)
async def check_running():
    return asyncio.get_running_loop() is loop, loop.is_running()
print(loop.run_until_complete(check_running()))
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(compute(1))
except RuntimeError as e:
    print(e)
