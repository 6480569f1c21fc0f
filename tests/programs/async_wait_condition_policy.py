import asyncio

async def fail_after(d, msg):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def ok_after(d, v):
    await asyncio.sleep(d)
    return v

async def main():
    ts = [asyncio.create_task(ok_after(0.01, 1)), asyncio.create_task(fail_after(0.02, "boom")), asyncio.create_task(ok_after(0.05, 3))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), [t.get_name() for t in pending])
    for t in done:
        if t.exception():
            print("exc", t.exception())
    await asyncio.wait(pending)
    cond = asyncio.Condition()
    state = {"n": 0}
    async def waiter():
        async with cond:
            await cond.wait_for(lambda: state["n"] >= 3)
            print("condition met at", state["n"])
    w = asyncio.create_task(waiter())
    for i in range(4):
        await asyncio.sleep(0)
        async with cond:
            state["n"] += 1
            cond.notify()
    await w
    b = asyncio.Barrier(2)
    async def party(i):
        print("party", i, "waiting")
        pos = await b.wait()
        print("party", i, "passed", pos)
    await asyncio.gather(party(0), party(1))
    sem = asyncio.Semaphore(0)
    async def rel():
        await asyncio.sleep(0.01)
        sem.release()
    asyncio.create_task(rel())
    await sem.acquire()
    print("acquired after release", sem.locked())
    await asyncio.sleep(-1)
    print(await asyncio.sleep(0, result="r"))
    t = asyncio.create_task(ok_after(0.01, 5), name="named")
    print(t.get_name(), await t)
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), type(asyncio.get_event_loop_policy()).__name__)
    policy = asyncio.get_event_loop_policy()
    print(policy is asyncio.get_event_loop_policy(), isinstance(policy, asyncio.AbstractEventLoopPolicy))
    asyncio.set_event_loop_policy(None)

asyncio.run(main())
