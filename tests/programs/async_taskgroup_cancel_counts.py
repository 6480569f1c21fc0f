import asyncio

async def crash(d):
    await asyncio.sleep(d)
    raise ValueError(f"crash {d}")

async def body(log):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(1))
        await asyncio.sleep(1)
    log.append("after group (not reached)")

async def main():
    log = []
    t = asyncio.create_task(body(log))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled in body", log, t.cancelling())
    async def crash_in_body():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(crash(0.01))
                await asyncio.sleep(1)
        except* ValueError as eg:
            print("group from body wait", [str(e) for e in eg.exceptions], asyncio.current_task().cancelling())
        await asyncio.sleep(0)
        print("continues after group")
    await asyncio.create_task(crash_in_body())
    async def crash_while_exiting():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(crash(0.01))
                tg.create_task(asyncio.sleep(0.05))
        except* ValueError as eg:
            print("group while exiting", [str(e) for e in eg.exceptions], asyncio.current_task().cancelling())
        await asyncio.sleep(0)
        print("continues")
    await asyncio.create_task(crash_while_exiting())
    async def two_crash():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(crash(0.01))
                tg.create_task(crash(0.01))
        except* ValueError as eg:
            print("two", len(eg.exceptions))
    await two_crash()
    async def body_raises():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(asyncio.sleep(0.05))
                raise KeyError("body")
        except* KeyError as eg:
            print("body error", eg.exceptions)
    await body_raises()
    async def base_error():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(crash(0.01))
            async def exit_soon():
                await asyncio.sleep(0.005)
                raise SystemExit(3)
            tg.create_task(exit_soon())
    try:
        await base_error()
    except SystemExit as e:
        print("SystemExit", e.code)

asyncio.run(main())
