# A callback that raises goes to the loop's exception handler (named with its arguments and
# where it is defined); handles show the same; a future whose exception nobody retrieved is
# reported, as a task's is.
import asyncio


def add(a, b):
    print("add", a + b)


async def main():
    loop = asyncio.get_running_loop()

    def fails(x):
        raise ValueError(f"callback failed with {x}")

    handle = loop.call_soon(add, 1, "two")
    print(repr(handle).split(" at ")[0], repr(handle).endswith("async_callback_errors.py:7>"))
    loop.call_soon(fails, [1, 2])
    later = loop.call_later(10, print, "never")
    print(repr(later).split(" when=")[0], repr(later).split(" ", 2)[2])
    later.cancel()
    await asyncio.sleep(0.01)
    print("still running")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("done callback sees", repr(f.exception())))
    fut.set_exception(KeyError("k"))
    await asyncio.sleep(0)
    retrieved = loop.create_future()
    retrieved.set_exception(KeyError("seen"))
    print(repr(retrieved.exception()))
    lost = loop.create_future()
    lost.set_exception(OSError("lost"))
    print("end")


asyncio.run(main())
