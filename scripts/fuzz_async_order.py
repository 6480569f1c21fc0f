#!/usr/bin/env python3
"""Compare Baton with CPython on random asyncio programs (scheduling order, cancellation,
timeouts, task groups, wait, async generators, locks, semaphores, queues, events,
loop callbacks).

    scripts/fuzz_async_order.py [--real-time] [--keep DIR] BATON FIRST_SEED COUNT

Each seed makes one program: a few coroutine functions whose steps are drawn at random (each
may only call functions defined after it, so programs end), run by a main task. A program
passes when stdout, the exit status and the last stderr line agree. Baton runs with
--virtual-time unless --real-time is given. Failing programs are kept (in DIR, default /tmp/baton-fuzz) to add to tests/programs/.
"""
import os
import random
import subprocess
import sys


def call_step(r, lines, kind, callee, s):
    """Steps that run another function of the program (`fN` with N above the caller's)."""
    call = f"f{callee}(tag + '.{kind[0]}{s}', depth + 1)"
    if kind == "create":
        lines.append(f"    if depth < 3: asyncio.create_task({call})")
    elif kind == "gather":
        second = call.replace(f".{kind[0]}{s}'", f".{kind[0]}{s}b'")
        lines.append(f"    if depth < 3: log('gathered', await asyncio.gather({call}, {second}, "
                     "return_exceptions=True))")
    elif kind == "await":
        lines.append(f"    if depth < 3: log('awaited', await {call})")
    elif kind == "shield":
        lines.append(f"    if depth < 3: log('shielded', await asyncio.shield({call}))")
    elif kind == "cancel":
        lines += ["    if depth < 3:",
                  f"        t = asyncio.create_task({call})",
                  "        await asyncio.sleep(0)",
                  "        log('cancel', t.cancel())",
                  "        r = (await asyncio.gather(t, return_exceptions=True))[0]",
                  "        log('cancelled', type(r).__name__)"]
    elif kind == "taskgroup":
        second = call.replace(f".{kind[0]}{s}'", f".{kind[0]}{s}b'")
        lines += ["    if depth < 3:",
                  "        try:",
                  "            async with asyncio.TaskGroup() as tg:",
                  f"                tg.create_task({call})",
                  f"                tg.create_task({second})",
                  "        except* ValueError as eg:",
                  "            log('group', len(eg.exceptions))"]
    elif kind == "timeout":
        lines += ["    if depth < 3:",
                  "        try:",
                  f"            async with asyncio.timeout({r.choice(TIMEOUTS)}):",
                  f"                log('in timeout', await {call})",
                  "        except (TimeoutError, ValueError) as e:",
                  "            log('timeout block', type(e).__name__)"]
    elif kind == "wait_first":
        second = call.replace(f".{kind[0]}{s}'", f".{kind[0]}{s}b'")
        lines += ["    if depth < 3:",
                  f"        both = [asyncio.create_task({call}), asyncio.create_task({second})]",
                  "        done, pending = await asyncio.wait(both, return_when=asyncio.FIRST_COMPLETED)",
                  "        log('first done', len(done), len(pending))",
                  "        for t in pending:",
                  "            t.cancel()",
                  "        await asyncio.wait(both)",
                  "        log('outcomes', [t.cancelled() or repr(t.exception()) for t in both])"]
    else:
        lines += ["    if depth < 3:",
                  "        try:",
                  f"            log('wait_for', await asyncio.wait_for({call}, "
                  f"{r.choice(TIMEOUTS)}))",
                  "        except (TimeoutError, ValueError) as e:",
                  "            log('wait_for failed', type(e).__name__)"]


# Delays in milliseconds that few sums of each other meet: where two timers fall due together
# in the virtual clock, CPython's real clock orders them by chance.
SLEEPS = [0.011, 0.023, 0.037, 0.053]
LATER = [0.017, 0.029, 0.043]
TIMEOUTS = [0.031, 0.047, 0.067, 0.089]

# Not as_completed: CPython starts its awaitables in the order of a set of them (by address).
CALLS = ["create", "gather", "await", "shield", "cancel", "taskgroup", "timeout", "wait_for",
         "wait_first"]
LOCAL = ["sleep0", "sleep", "print", "event_set", "event_wait", "queue_put", "queue_get",
         "callback", "lock", "agen", "semaphore", "call_later"]


def local_step(r, lines, kind, s):
    """Steps that stay inside the function."""
    if kind == "sleep0":
        lines.append("    await asyncio.sleep(0)")
    elif kind == "sleep":
        lines.append(f"    await asyncio.sleep({r.choice(SLEEPS)})")
    elif kind == "event_set":
        lines.append("    EVENT.set()")
    elif kind == "event_wait":
        lines.append("    if not EVENT.is_set() and depth > 0: await asyncio.wait_for(EVENT.wait(), 0.5)")
    elif kind == "queue_put":
        lines.append(f"    QUEUE.put_nowait(tag + ':{s}')")
    elif kind == "queue_get":
        lines.append("    if not QUEUE.empty(): log('got', await QUEUE.get())")
    elif kind == "callback":
        lines.append(f"    asyncio.get_running_loop().call_soon(log, 'callback', tag, {s})")
    elif kind == "lock":
        lines += ["    async with LOCK:", f"        log('locked', tag, {s})",
                  "        await asyncio.sleep(0)"]
    elif kind == "semaphore":
        lines += ["    async with SEMAPHORE:", f"        log('in semaphore', tag, {s})",
                  f"        await asyncio.sleep({r.choice([0, SLEEPS[0]])})"]
    elif kind == "call_later":
        lines.append(f"    asyncio.get_running_loop().call_later({r.choice(LATER)}, "
                     f"log, 'later', tag, {s})")
    elif kind == "agen":
        lines += [f"    async for v in agen(tag, {r.randint(1, 3)}):", "        log('agen', v)"]
        if r.random() < 0.5:
            lines.append("        break")
    else:
        lines.append(f"    log('step {s}', tag)")


def program(seed):
    r = random.Random(seed)
    nfuncs = r.randint(3, 6)
    lines = ["import asyncio", "", "log = print", "",
             "async def agen(tag, n):", "    try:", "        for i in range(n):",
             "            await asyncio.sleep(0)", "            yield f'{tag}/{i}'",
             "    finally:", "        log('agen closed', tag)", ""]
    for f in range(nfuncs):
        lines += [f"async def f{f}(tag, depth):", f"    log('f{f} start', tag)"]
        for s in range(r.randint(3, 8)):
            kind = r.choice(CALLS + LOCAL)
            callee = r.randrange(nfuncs)
            if kind in CALLS:
                if callee > f:
                    call_step(r, lines, kind, callee, s)
            else:
                local_step(r, lines, kind, s)
        if r.random() < 0.2:
            lines.append(f"    raise ValueError('f{f} ' + tag)")
        lines += [f"    log('f{f} end', tag)", "    return tag", ""]
    lines += ["async def main():", "    global EVENT, QUEUE, LOCK, SEMAPHORE",
              "    EVENT, QUEUE, LOCK = asyncio.Event(), asyncio.Queue(), asyncio.Lock()",
              "    SEMAPHORE = asyncio.Semaphore(2)",
              "    tasks = []"]
    for i in range(r.randint(1, 3)):
        lines.append(f"    tasks.append(asyncio.create_task(f{r.randrange(2)}('m{i}', 0)))")
    lines += ["    await asyncio.sleep(0)", "    EVENT.set()",
              "    results = await asyncio.gather(*tasks, return_exceptions=True)",
              "    log('results', [type(x).__name__ if isinstance(x, BaseException) else x "
              "for x in results])",
              "    await asyncio.sleep(0.3)", "    log('done')", "", "asyncio.run(main())"]
    return "\n".join(lines) + "\n"


def outcome(command):
    p = subprocess.run(command, capture_output=True, text=True, timeout=60)
    err = [line for line in p.stderr.splitlines() if line.strip()]
    return p.stdout, p.returncode, err[-1] if err else ""


def main():
    args = sys.argv[1:]
    real_time = "--real-time" in args
    args = [a for a in args if a != "--real-time"]
    keep = "/tmp/baton-fuzz"
    if "--keep" in args:
        i = args.index("--keep")
        keep = args[i + 1]
        del args[i:i + 2]
    baton, first, count = args[0], int(args[1]), int(args[2])
    os.makedirs(keep, exist_ok=True)
    failures = 0
    for seed in range(first, first + count):
        path = os.path.join(keep, f"fuzz_{seed}.py")
        with open(path, "w") as f:
            f.write(program(seed))
        flags = [] if real_time else ["--virtual-time"]
        if outcome([sys.executable, path]) == outcome([baton, *flags, path]):
            os.remove(path)
        else:
            failures += 1
            print(f"differs: {path}")
    print(f"{count - failures} of {count} programs agree")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
