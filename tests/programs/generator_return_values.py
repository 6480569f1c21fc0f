def gen():
    x = yield 1
    print("received", x)
    y = yield 2
    print("received", y)
    return x + y

g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration as stop:
    print("returned", stop.value)

def delegator():
    result = yield from gen()
    print("delegated result", result)
    yield result * 2

d = delegator()
print(next(d), d.send(1), d.send(2))
print(list(d))
