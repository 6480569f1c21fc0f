def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count(4)), sum(count(5)), max(count(3)))
g = count(2)
print(next(g), next(g), next(g, "end"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for x in fib():
    if x > 50:
        break
    out.append(x)
print(out)


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)


def inner():
    yield 1
    yield 2
    return "inner done"


def outer():
    r = yield from inner()
    yield r
    yield from [10, 20]


print(list(outer()))
squares = (x * x for x in range(5) if x % 2 == 0)
print(squares.__class__.__name__, list(squares), list(squares))
print(sorted(x for x in "hello"), dict((k, len(k)) for k in ["ab", "c"]))


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


g = guarded()
print(next(g))
g.close()


def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)


c = catcher()
next(c)
c.throw(ValueError("boom"))
c.throw(ValueError("again"))
gen = count(3)
print(iter(gen) is gen, [*gen])
