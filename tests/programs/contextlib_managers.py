import asyncio
from contextlib import contextmanager, asynccontextmanager, suppress
import contextlib

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

@asynccontextmanager
async def connection(host):
    print("connect", host)
    await asyncio.sleep(0.01)
    try:
        yield f"conn-{host}"
    finally:
        await asyncio.sleep(0)
        print("close", host)

async def main():
    with tag("b") as t:
        print("inside", t)
    try:
        with tag("i"):
            raise ValueError("oops")
    except ValueError as e:
        print("caught", e)
    async with connection("db") as c:
        print("using", c)
    try:
        async with connection("api") as c:
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
    with suppress(ZeroDivisionError):
        1 / 0
    print("suppressed")
    with contextlib.nullcontext(5) as v:
        print(v)

asyncio.run(main())
