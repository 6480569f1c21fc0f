# Coroutines driven by hand (no event loop): async def makes a coroutine, await runs another
# coroutine to its return value, errors pass through awaits, and a coroutine is awaited once.
async def add(a, b=10):
    return a + b


async def chain(n):
    if n == 0:
        return 0
    return 1 + await chain(n - 1)


class Account:
    def __init__(self, balance):
        self.balance = balance

    async def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance


def make_counter():
    count = 0

    async def bump(by):
        nonlocal count
        count += by
        return count

    return bump


async def cleanup_order(log):
    try:
        log.append("body")
        await add(1)
        raise KeyError("k")
    finally:
        log.append("finally")


async def main():
    print(await add(1), await add(2, b=3))
    print(await chain(500))
    acct = Account(100)
    print(await acct.withdraw(30))
    try:
        await acct.withdraw(500)
    except ValueError as e:
        print("ValueError:", e)
    bump = make_counter()
    print([await bump(i) for i in range(4)])
    log = []
    try:
        await cleanup_order(log)
    except KeyError as e:
        print("KeyError:", e, log)
    c = add(5)
    print(type(c).__name__, repr(c).split(" at ")[0], repr(add).split(" at ")[0])
    print(await c)
    for attempt in range(2):
        try:
            await c
        except RuntimeError as e:
            print(attempt, "RuntimeError:", e)
    for bad in (None, 3, "text", [1]):
        try:
            await bad
        except TypeError as e:
            print("TypeError:", e)
    total = 0
    for i in range(5):
        total += await add(i, i)
    print(total)
    return "main done"


coro = main()
try:
    coro.send(None)
except StopIteration as stop:
    print("StopIteration:", stop.value)
try:
    coro.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

fresh = add(1)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
fresh.close()
try:
    fresh.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

thrown = add(2)
try:
    thrown.throw(ValueError("into"))
except ValueError as e:
    print("thrown back:", e)
never_run = chain(1)
try:
    for x in never_run:
        pass
except TypeError as e:
    print("TypeError:", e)
never_run.close()
