# traceback.print_exc/format_exc/print_exception/format_exception(_only) and sys.exception(),
# inside a coroutine, with a cause chain.
import asyncio
import sys
import traceback

def inner():
    raise ValueError("deep problem")

def outer():
    try:
        inner()
    except ValueError as e:
        raise RuntimeError("wrapped") from e

async def task_fails():
    await asyncio.sleep(0)
    outer()

async def main():
    try:
        await task_fails()
    except RuntimeError:
        text = traceback.format_exc()
        print(text.splitlines()[-1], text.count("Traceback"), "direct cause" in text)
        traceback.print_exc()
        print(repr(sys.exception()))
    print(traceback.format_exc().strip(), sys.exception())
    try:
        {}["missing"]
    except KeyError as e:
        print(traceback.format_exception_only(e))
        lines = traceback.format_exception(e)
        print("".join(lines).splitlines()[-1], lines[0].strip())
        traceback.print_exception(e)

asyncio.run(main())
