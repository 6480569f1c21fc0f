import asyncio
import contextvars

v = contextvars.ContextVar('v', default='main')

async def child(n):
    print('child starts', n, v.get())
    v.set(n)
    await asyncio.sleep(0)
    print('child', n, v.get())
    return v.get()

async def main():
    print(await asyncio.gather(child(1), child(2)))
    print('main', v.get())
    v.set('main task')
    await asyncio.create_task(child(3))
    print('main again', v.get())

asyncio.run(main())
print('top', v.get())
