def f(x: list, y: "int" = 2) -> bool: pass
print(f.__annotations__)
def g(): pass
print(g.__annotations__, g.__defaults__, f.__defaults__)
from functools import singledispatch, cached_property
@singledispatch
def show(x):
    return f"obj {x!r}"
@show.register(int)
def _(x):
    return f"int {x}"
@show.register
def _(x: list):
    return f"list of {len(x)}"
class B: pass
class C(B): pass
@show.register(B)
def _(x): return "a B"
print(show(1), show("s"), show([1, 2]), show(C()), show(True))
class P:
    def __init__(self): self.n = 0
    @cached_property
    def heavy(self):
        self.n += 1
        return self.n * 10
p = P()
print(p.heavy, p.heavy, p.n, P.heavy.attrname, "heavy" in p.__dict__)
del p.heavy
print(p.heavy)
