import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled())
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f.set_exception(KeyError("k"))
    print(f.done(), repr(f.exception()))
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set twice:", type(e).__name__)
    try:
        await f
    except KeyError as e:
        print("await raised", repr(e))
    g = asyncio.Future()
    print("cancel pending", g.cancel("why"), g.cancelled(), g.cancel())
    try:
        g.result()
    except asyncio.CancelledError as e:
        print("result of cancelled raised", e.args)
    h = loop.create_future()
    loop.call_later(0.01, h.set_result, "later")
    print("awaited", await h)
    print(asyncio.isfuture(h), asyncio.isfuture(1), isinstance(h, asyncio.Future))
    t = asyncio.ensure_future(asyncio.sleep(0, "x"))
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future), await t)
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
    c = main.__name__
    print(c)

asyncio.run(main())
