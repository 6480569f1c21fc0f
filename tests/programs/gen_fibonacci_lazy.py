def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x

print(list(take_while(lambda x: x < 100, fib())))
g = fib()
print([next(g) for _ in range(10)])
evens = (x for x in fib() if x % 2 == 0)
print([next(evens) for _ in range(6)])
print(sum(take_while(lambda x: x < 4_000_000, (x for x in fib() if x % 2 == 0))))
