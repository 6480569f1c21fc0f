# add_note/__notes__: notes kept in order, copied into the parts of a split group, and printed
# after the exception's line (inside a TaskGroup's uncaught group here).
import asyncio
try:
    try:
        raise ValueError("bad value")
    except ValueError as e:
        e.add_note("while parsing line 3")
        e.add_note("input was 'x'")
        raise
except ValueError as e:
    print(e.__notes__)
try:
    ValueError().add_note(5)
except TypeError as e:
    print(e)
eg = ExceptionGroup("many", [KeyError("k"), TypeError("t")])
eg.add_note("group note")
m, r = eg.split(KeyError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
async def job(n):
    try:
        raise RuntimeError(f"job {n}")
    except RuntimeError as e:
        e.add_note(f"job {n} context")
        raise
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(1))
asyncio.run(main())
