import asyncio

# Which order a TaskGroup cancels its tasks in follows a set of tasks in CPython (addresses):
# the children record their cancellation, and the record is shown sorted.
cancelled = []


async def child(i, delay):
    try:
        await asyncio.sleep(delay)
        print("child", i, "finished")
        return i
    except asyncio.CancelledError:
        cancelled.append(i)
        raise


async def parent(delays):
    try:
        async with asyncio.TaskGroup() as tg:
            for i, d in enumerate(delays):
                tg.create_task(child(i, d))
            print("body done")
        print("not reached")
    finally:
        print("parent finally; cancelled so far", sorted(cancelled))


async def failing_parent():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(10, 1))
        tg.create_task(fail_soon())


async def fail_soon():
    await asyncio.sleep(0.01)
    raise ValueError("child failed")


async def main():
    p = asyncio.create_task(parent([1, 0.005, 1, 2]))
    await asyncio.sleep(0.02)
    print("cancel returns", p.cancel(), p.cancelling())
    try:
        await p
    except asyncio.CancelledError as e:
        print("parent cancelled", p.cancelled(), repr(e))
    print(sorted(cancelled))
    cancelled.clear()

    p = asyncio.create_task(parent([1, 1]))
    await asyncio.sleep(0)
    p.cancel("with message")
    try:
        await p
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)

    cancelled.clear()
    try:
        await failing_parent()
    except* ValueError as eg:
        print("group", [str(e) for e in eg.exceptions], sorted(cancelled))


asyncio.run(main())
