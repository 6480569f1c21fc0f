# A never-awaited coroutine still referenced when the program ends is reported as Python exits,
# after the traceback of the error that ended it.
async def pending():
    return "never"


class Holder:
    async def method(self):
        return None


kept = {"a": pending(), "b": Holder().method()}
kept.pop("a").close()
print(sorted(kept))
raise SystemExit("stopping with a coroutine left")
