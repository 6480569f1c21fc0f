def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    finally:
        print("inner finally")
    return "inner result"

def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield "after"
    except KeyError as e:
        print("outer caught", repr(e))
        yield "outer recovered"
    finally:
        print("outer finally")

g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(next(g))
print(list(g))

g = outer()
next(g)
print(g.throw(KeyError("k")))
g.close()
print("closed")

g = outer()
next(g)
g.close()
print("closed early")

def leaf():
    yield "leaf"
def mid():
    yield from leaf()
def top():
    yield from mid()
t = top()
next(t)
try:
    t.throw(RuntimeError("deep"))
except RuntimeError as e:
    print("propagated", e)
