import asyncio

def short(text):
    # A repr without the directories of the file it names (they differ between machines).
    parts = text.split("/")
    return parts[0] + parts[-1]

async def child(name, d):
    try:
        print(name, "start")
        await asyncio.sleep(d)
        print(name, "end")
        return name
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args)
        raise
    finally:
        print(name, "finally")

async def main():
    t = asyncio.create_task(child("a", 1))
    await asyncio.sleep(0)
    t.cancel("stop it")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main saw", repr(e), t.cancelled(), t.cancelling())
    g = asyncio.gather(child("b", 1), child("c", 0.01))
    await asyncio.sleep(0.02)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    t2 = asyncio.create_task(child("d", 1))
    await asyncio.sleep(0)
    t2.cancel()
    t2.cancel()
    print(t2.cancelling())
    try:
        await t2
    except asyncio.CancelledError:
        pass
    async def swallow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("swallowed")
            asyncio.current_task().uncancel()
        return "done anyway"
    t3 = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t3.cancel()
    print(await t3, t3.cancelled())
    print(short(repr(t3)))
    t4 = asyncio.create_task(child("e", 0))
    t4.cancel()
    print(short(repr(t4)))
    await asyncio.sleep(0)
    print(short(repr(t4)))
    try:
        t4.result()
    except asyncio.CancelledError as e:
        print("result raised", type(e))
    fut = asyncio.get_running_loop().create_future()
    fut.cancel(msg="fmsg")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("fut", e)

asyncio.run(main())
