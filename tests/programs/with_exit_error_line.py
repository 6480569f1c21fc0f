# An error raised by __exit__/__aexit__ is reported at the `with` statement's line (not the
# body's last line), for with and async with alike.
import asyncio
import traceback


class Failing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("exit failed")

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise RuntimeError("aexit failed")


def lines_of(text):
    return [line.split(", ")[1] + " " + line.split(", ")[2] for line in text.splitlines()
            if line.startswith("  File")]


def sync_case():
    with Failing():
        x = 1
        y = x + 1
    return y


async def async_case():
    async with Failing():
        await asyncio.sleep(0)
        z = 2
    return z


try:
    sync_case()
except RuntimeError:
    print(lines_of(traceback.format_exc()))
try:
    asyncio.run(async_case())
except RuntimeError:
    print(lines_of(traceback.format_exc())[-2:])
