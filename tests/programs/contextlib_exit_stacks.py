import asyncio
from contextlib import ExitStack, AsyncExitStack, closing, aclosing, asynccontextmanager, contextmanager, suppress

@contextmanager
def res(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")

@asynccontextmanager
async def ares(name, log):
    log.append(f"aopen {name}")
    await asyncio.sleep(0)
    try:
        yield name * 2
    finally:
        await asyncio.sleep(0)
        log.append(f"aclose {name}")

class Thing:
    def close(self):
        print("Thing closed")

class Swallow:
    def __enter__(self): return self
    def __exit__(self, et, e, tb):
        print("swallow sees", et.__name__ if et else None)
        return True

async def main():
    log = []
    with ExitStack() as stack:
        names = [stack.enter_context(res(n, log)) for n in "abc"]
        stack.callback(log.append, "callback ran")
        print(names)
    print(log); log.clear()
    with ExitStack() as stack:
        stack.enter_context(Swallow())
        stack.enter_context(res("x", log))
        raise ValueError("inside")
    print("survived", log); log.clear()
    try:
        with ExitStack() as stack:
            stack.push(lambda *d: print("push saw", d[0].__name__))
            stack.callback(lambda: 1 / 0)
            raise KeyError("k")
    except ZeroDivisionError as e:
        print("ZeroDivisionError escaped; context", type(e.__context__).__name__)
    with ExitStack() as outer:
        outer.enter_context(res("moved", log))
        kept = outer.pop_all()
    print(log)
    kept.close()
    print(log); log.clear()
    async with AsyncExitStack() as astack:
        v1 = await astack.enter_async_context(ares("p", log))
        v2 = astack.enter_context(res("q", log))
        astack.push_async_callback(asyncio.sleep, 0)
        print(v1, v2)
    print(log); log.clear()
    with closing(Thing()):
        print("using thing")
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen closed")
    async with aclosing(agen()) as g:
        async for v in g:
            print("agen", v)
            break
    try:
        with ExitStack() as s:
            s.enter_context(42)
    except TypeError as e:
        print(e)
    with suppress(KeyError):
        {}["x"]
    print("end")

asyncio.run(main())
