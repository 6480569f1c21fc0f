# Instance attributes in every layout: few and many names, different orders per instance,
# deletion and re-adding, setattr with odd names, __dict__/vars/dir order, exceptions with
# attributes of their own.
class P:
    def __init__(self, swap):
        if swap:
            self.b = 2
            self.a = 1
        else:
            self.a = 1
            self.b = 2


p, q = P(False), P(True)
print(vars(p), vars(q), p.a + q.a, p.b + q.b)
q.c = 3
q.d = 4
q.e = 5
print(q.__dict__, q.e, q.d)
del q.b
print(vars(q), hasattr(q, "b"))
q.b = 20
print(vars(q), q.b)
try:
    del q.zzz
except AttributeError as e:
    print("AttributeError", e)

many = P(False)
for i in range(20):
    setattr(many, f"n{i}", i * i)
print(len(vars(many)), many.n19, getattr(many, "n7"), list(vars(many))[:4])
delattr(many, "n0")
many.n0 = "back"
print(list(vars(many))[-2:], many.n0)
setattr(many, "not an identifier", 1)
print(getattr(many, "not an identifier"), "not an identifier" in vars(many))
print([n for n in dir(p) if not n.startswith("__")])


class Boom(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
        self.extra = [code]


try:
    raise Boom(7)
except Boom as e:
    e.more = "x"
    print(e, e.args, e.code, e.extra, e.more, sorted(vars(e)))


class Slotless:
    pass


objs = [Slotless() for _ in range(3)]
for i, o in enumerate(objs):
    for j in range(i * 5):
        setattr(o, "k" + str((j * 7 + i) % 13), j)
print([sorted(vars(o).items()) for o in objs])
