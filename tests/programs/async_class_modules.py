import asyncio, contextvars
print(asyncio.TaskGroup, contextvars.ContextVar, contextvars.Token, contextvars.Context)
loop = asyncio.new_event_loop()
print(type(loop.create_future()), type(loop))
loop.close()
async def f(): pass
c = f()
print(type(c), asyncio.Task, asyncio.Future, asyncio.CancelledError, asyncio.InvalidStateError, asyncio.Timeout, asyncio.Runner)
c.close()
loop = asyncio.new_event_loop()
h = loop.call_soon(print)
print(type(h), type(loop.call_later(1, print)))
loop.close()

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0)
    except asyncio.TimeoutError as e:
        print(type(e), type(e.__context__))
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print(repr(e), type(e).__module__)

asyncio.run(main())
import asyncio
async def f():
    print("f runs")
async def main():
    t = asyncio.create_task(f())
    t.cancel()
    t2 = asyncio.create_task(asyncio.sleep(1))
    t2.cancel()
    await asyncio.sleep(0)
    print(t.cancelled(), t2.cancelled())
asyncio.run(main())
