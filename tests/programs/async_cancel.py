import asyncio

async def worker(name):
    try:
        print(f"{name} sleeping")
        await asyncio.sleep(1)
        print(f"{name} woke")
    except asyncio.CancelledError as e:
        print(f"{name} cancelled with args {e.args}")
        raise
    finally:
        print(f"{name} cleanup")

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores cancellation")
    await asyncio.sleep(0)
    return "survived"

async def main():
    t = asyncio.create_task(worker("w1"))
    await asyncio.sleep(0)
    print("cancel ->", t.cancel())
    print("cancelled yet?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting w1 raised CancelledError")
    print("w1 cancelled?", t.cancelled(), "done?", t.done())
    print("cancel again ->", t.cancel())

    t2 = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0)
    t2.cancel("stop now")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("w2 error args", e.args)

    t3 = asyncio.create_task(worker("never started"))
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print("t3 cancelled before it ran:", t3.cancelled())

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print("stubborn gave", await s, s.cancelled())

    g = asyncio.gather(worker("g1"), worker("g2"))
    await asyncio.sleep(0)
    print("cancel gather ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())

    try:
        raise asyncio.CancelledError()
    except BaseException as e:
        print(type(e).__name__, isinstance(e, Exception))

asyncio.run(main())
