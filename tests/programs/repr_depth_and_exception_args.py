# repr of an exception runs its arguments' own __repr__; reprs nested deeper than the recursion
# limit allows raise RecursionError (at module level and one call down).
class A:
    def __repr__(self):
        return "A!"
print(repr(ValueError(A())), repr(KeyError(A(), 2)), repr(ExceptionGroup("g", [ValueError(A())])))
print(str(KeyError(A())))
def nest(n):
    a = []
    for i in range(n):
        a = [a]
    return a
for n in (997, 998):
    try:
        print(len(repr(nest(n))))
    except RecursionError as e:
        print(n, "RecursionError", e)
def f():
    for n in (996, 997):
        try:
            print(len(repr(nest(n))))
        except RecursionError as e:
            print(n, "RecursionError", e)
f()
d = {}
for i in range(2000):
    d = {"k": d}
try:
    repr(d)
except RecursionError as e:
    print("dict", e)
print(repr(ValueError()), repr(ValueError("a", 1)), repr(StopIteration(5)))
