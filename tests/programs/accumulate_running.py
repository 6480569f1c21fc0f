def running(iterable, func=lambda a, b: a + b, initial=None):
    it = iter(iterable)
    total = initial if initial is not None else next(it, None)
    if total is None:
        return
    yield total
    for x in it:
        total = func(total, x)
        yield total

print(list(running([1, 2, 3, 4])), list(running([3, 1, 4, 1, 5], max)), list(running([], initial=None)))
print(list(running([1, 2, 3], lambda a, b: a * b, initial=10)))
balance = list(running([100, -20, -50, 30, -70]))
print(balance, min(balance), [i for i, b in enumerate(balance) if b < 0])
