# Returning from inside 'for x in f():' closes the generator the loop made, before the
# caller goes on (its finally runs then, as under CPython), through nested loops, try blocks
# and with blocks.
def gen(name, n=3):
    try:
        for i in range(n):
            yield i
    finally:
        print("closed", name)


def first(name):
    for x in gen(name):
        return x


def nested():
    for i in range(3):
        for x in gen("inner"):
            if x == 1:
                return i, x


def in_try():
    try:
        for x in gen("in try"):
            for y in gen("deeper"):
                return x + y
    finally:
        print("outer finally")


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit ctx")


def in_with():
    with Ctx():
        for x in gen("in with"):
            return x


def after_loop():
    for x in gen("exhausted", 2):
        pass
    return "done"


def value_first():
    def show(v):
        print("value", v)
        return v

    for x in gen("value"):
        return show(x + 10)


print(first("first"))
print(nested())
print(in_try())
print(in_with())
print(after_loop())
print(value_first())
