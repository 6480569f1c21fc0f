import asyncio

def report(tag):
    def cb(fut):
        print(f"callback {tag}: done={fut.done()} cancelled={fut.cancelled()}")
    return cb

async def child():
    print("child runs")
    await asyncio.sleep(0)
    print("child returns")
    return 7

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(report("one"))
    two = report("two")
    fut.add_done_callback(two)
    fut.add_done_callback(report("three"))
    print("removed", fut.remove_done_callback(two))
    loop.call_soon(print, "call_soon before set_result")
    fut.set_result("value")
    loop.call_soon(print, "call_soon after set_result")
    print("set result; awaiting")
    print("await gave", await fut)
    fut.add_done_callback(report("late"))
    print("added late callback")
    await asyncio.sleep(0)
    print("after sleep(0)")
    t = asyncio.create_task(child())
    t.add_done_callback(lambda f: print("task callback, result", f.result()))
    print("awaiting task")
    print("task gave", await t)
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
