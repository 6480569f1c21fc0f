def worker():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except ValueError as e:
            print("worker caught", e)
            n = 100

w = worker()
print(next(w), next(w))
print(w.throw(ValueError("reset")))
print(next(w))
try:
    w.throw(KeyError("boom"))
except KeyError as e:
    print("propagated", repr(e))
print(list(w))

def once():
    yield 1

g = once()
try:
    g.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("raised", e)
print(list(g))
