# async with: what __aenter__ and __aexit__ return is awaited; the exit runs on every way out
# (normal end, exception suppressed or not, return, break), in order for nested managers.
log = []


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        log.append(f"enter {self.name}")
        return self.name.upper()

    async def __aexit__(self, kind, exc, tb):
        log.append(f"exit {self.name} {kind.__name__ if kind else None} {exc}")
        return self.suppress


class NoExit:
    async def __aenter__(self):
        return 1


async def use_twice():
    async with Resource("a") as a, Resource("b") as b:
        log.append(f"body {a} {b}")
    async with Resource("quiet", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Resource("loud"):
            raise KeyError("escapes")
    except KeyError as e:
        log.append(f"caught {e}")
    for i in range(3):
        async with Resource(f"loop{i}"):
            if i == 1:
                break
    return await early()


async def early():
    async with Resource("ret") as r:
        return f"returned {r}"


async def wrong_managers():
    for manager in (Resource, NoExit(), 42):
        try:
            async with manager:
                pass
        except TypeError as e:
            log.append(f"TypeError: {e}")
    try:
        with Resource("sync"):
            pass
    except TypeError as e:
        log.append(f"TypeError: {e}")


def drive(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value


print(drive(use_twice()))
drive(wrong_managers())
print("\n".join(log))
