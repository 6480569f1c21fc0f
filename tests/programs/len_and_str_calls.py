# len() and str() with one argument, on every kind of value: built-ins answer directly,
# instances through __len__/__str__, and a rebound name is an ordinary call.

class Box:
    def __len__(self):
        return 3

    def __str__(self):
        return "a box"


values = ["", "héllo", b"ab", [1, 2], (1,), {1: 2}, {1, 2}, frozenset(), range(0, 10, 3), {}.keys(), Box()]
print([len(v) for v in values])
print([str(v) for v in [0, -12, 10**20, 1.5, None, True, "s", Box(), (1, "a")]])
for bad in [5, 2.5, None, len]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len("a", "b")
except TypeError as e:
    print("TypeError:", e)


class Negative:
    def __len__(self):
        return -1


try:
    len(Negative())
except ValueError as e:
    print("ValueError:", e)


def shadowed():
    len = lambda v: "local len of " + str(v)
    str = lambda v: "local str"
    return len("abc"), str(1)


print(shadowed())
print(len(str(12345)), str(len("abcd")))

# How built-ins word a wrong number of arguments.
import math, sys, time
for f, args in [(abs, (1, 2)), (len, ()), (ord, ("a", "b")), (math.sqrt, (1, 2)), (math.factorial, ()),
                (time.sleep, (1, 2)), (sys.setrecursionlimit, ()), (reversed, ()), (staticmethod, (1, 2)),
                (classmethod, ()), (iter, ()), (divmod, (1,)), (hex, ())]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)
