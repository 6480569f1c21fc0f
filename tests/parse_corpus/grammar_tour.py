"""A tour of every statement and expression form the grammar accepts."""
from __future__ import annotations

import sys
import math as m
from collections import (
    OrderedDict,
    defaultdict as dd,
)

x: int = 1
y: "list[int]"
a = b = c = 0
a, (b, *rest) = 1, (2, 3, 4)
[p, q] = "pq"
a += 1; b -= 1; c *= 2
c **= 2; c //= 1; c %= 7; c |= 8; c &= 15; c ^= 1; c <<= 2; c >>= 1
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
grid[0][::2] = [9, 9]
del grid[2], rest[0]
obj = type("Obj", (), {})()
obj.attr = 3
del obj.attr


def positional(a, b, /, c, d=4, *args, e, f=6, **kwargs) -> tuple:
    return (a, b, c, d, args, e, f, kwargs)


def keyword_only(*, key=None):
    return key


def gen(n):
    total = yield 0
    yield from range(n)
    return total


@staticmethod
def decorated():
    pass


class Base:
    pass


class Meta(type):
    pass


class Child(Base, metaclass=Meta):
    """Docstring."""

    counter = 0

    def __init__(self, value):
        self.value = value

    @property
    def doubled(self):
        return self.value * 2

    @classmethod
    def make(cls, *values, **options):
        return cls(*values, **options)


def scopes():
    outer = 1

    def inner():
        nonlocal outer
        global x
        outer += 1
        x = outer
        return outer

    return inner()


def control(n):
    for i in range(n):
        if i % 2 == 0:
            continue
        elif i > 5:
            break
        else:
            pass
    else:
        n = -n
    while n < 0:
        n += 1
    else:
        pass
    try:
        1 / n
    except (ZeroDivisionError, ValueError) as err:
        result = type(err).__name__
    except Exception:
        raise
    else:
        result = "no error"
    finally:
        n = None
    try:
        raise ValueError("x") from None
    except* ValueError:
        pass
    assert n is None, "n should be None"
    with open(__file__) as f1, open(__file__) as f2:
        pass
    with (
        open(__file__) as f3,
        open(__file__) as f4,
    ):
        pass
    return result


async def coroutine(items):
    async with items as managed:
        async for item in managed:
            await item
    values = [v async for v in items if await v]
    return values, await items


values = [
    1 if x else 2,
    lambda: 0,
    lambda k, *a, kw=1, **kws: k,
    not x,
    x and y if False else x or 0,
    -x + +x * ~x ** 2 // 3 % 4 @ m if False else 0,
    1 < x <= 2 != 3 == 3 >= 0 > -1,
    x in [1] and x not in [2] and x is not None and x is x,
    (n := 10),
    {k: v for k, v in {"a": 1}.items() if v},
    {s for s in "abc"},
    (g for g in range(3)),
    [*range(2), *"ab"],
    {**{"a": 1}, "b": 2},
    {1, 2, *[3]},
    (),
    (1,),
    ...,
    None,
    0x_ff + 0o17 + 0b1010 + 1_000_000 + 10**20,
    1.5e-3 + .5 + 1. + 2j.imag,
    "implicit" "concatenation",
    b"bytes" rb"\raw",
    r"raw\n",
    """triple
quoted""",
    f"{x!r:>{n}} {x=} {{braces}}",
    print(*[1], sep="", end="\n", **{}),
    m.pi.__class__.__name__[0:2],
    sys.version_info[:2] >= (3, 11),
]
print(len(values), positional(1, 2, 3, e=5), keyword_only(key=1), scopes(), control(7))
print(list(gen(3)), Child.make(4).doubled, OrderedDict(a=1), dd(int)["z"])
