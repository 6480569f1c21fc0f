# TaskGroup failures as exception groups: errors of tasks in the order they failed, an error
# in the body joins them, except* picks them apart, and an uncaught one ends the program.
import asyncio


async def fail(n, exc=ValueError):
    await asyncio.sleep(0.01 * n)
    print("failing", n)
    raise exc(f"bad {n}")


async def slow(n):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow cancelled", n)
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(2))
            tg.create_task(fail(1, TypeError))
            tg.create_task(slow(3))
    except* ValueError as eg:
        print("values:", repr(eg))
    except* TypeError as eg:
        print("types:", repr(eg), eg.message)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow(1))
            await asyncio.sleep(0)
            raise KeyError("body")
    except ExceptionGroup as eg:
        print("body error:", repr(eg), eg.__suppress_context__, eg.__cause__)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1))
            await asyncio.sleep(1)
            print("not reached")
    except* ValueError as eg:
        print("parent was cancelled, got", repr(eg))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1, RuntimeError))
        tg.create_task(fail(2, RuntimeError))
    print("not reached either")


asyncio.run(main())
