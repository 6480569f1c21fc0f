# What generators, coroutines and async generators say about themselves: names and whether
# they are running or suspended.
import asyncio


def gen():
    me = yield
    print("inside:", me.gi_running, me.gi_suspended)
    yield 2


class Box:
    async def method(self):
        return 1

    async def agen(self):
        yield 1


g = gen()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_suspended)
next(g)
print(g.gi_suspended)
g.send(g)
c = Box().method()
print(c.__name__, c.__qualname__, c.cr_running, c.cr_suspended)
c.close()
a = Box().agen()
print(a.__name__, a.__qualname__, a.ag_running)


async def main():
    print(asyncio.current_task().get_coro().cr_running)


asyncio.run(main())


async def watched():
    await asyncio.sleep(0)


async def watcher():
    t = asyncio.create_task(watched())
    coro = t.get_coro()
    print(coro.cr_running, coro.cr_suspended)
    await asyncio.sleep(0)
    print(coro.cr_running, coro.cr_suspended)
    await t
    print(coro.cr_running, coro.cr_suspended)


asyncio.run(watcher())
