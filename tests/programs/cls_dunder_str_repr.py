class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"

class Q(P):
    def __str__(self):
        return f"Q<{self.x}>"

p, q = P("a"), Q(3)
print(p, q, [p, q], (q,), {"k": q})
print(str(p), repr(q), f"{q}", f"{q!r}", "%s %r" % (q, q))
print("{} {!r}".format(q, q))

class Plain:
    pass
o = Plain()
print(type(o).__name__, str(o).startswith("<__main__.Plain object at 0x"))
print(repr(Plain).startswith("<class '__main__.Plain'>"))
