# Augmented assignments that fail name the augmented operator, as CPython's messages do.
def attempt(label, f):
    try:
        f()
    except TypeError as e:
        print(label, "->", e)


def add():
    x = 1
    x += "a"


def sub():
    x = 1.5
    x -= "a"


def floordiv():
    x = 3
    x //= None


def power():
    x = 2
    x **= "a"


def shift():
    x = 1
    x <<= 1.5


def bitor():
    x = [1]
    x |= 2


def item():
    a = [1, 2]
    a[0] &= "z"


def concat():
    s = "a"
    s += 1


def repeat():
    s = "ab"
    s *= 1.5


def plain_pow():
    return 2 ** "a"


def plain_add():
    return None + 1


for label, f in [("+=", add), ("-=", sub), ("//=", floordiv), ("**=", power), ("<<=", shift),
                 ("|=", bitor), ("item &=", item), ("str +=", concat), ("str *=", repeat),
                 ("**", plain_pow), ("+", plain_add)]:
    attempt(label, f)
