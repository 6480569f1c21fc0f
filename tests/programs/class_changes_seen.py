# Calls keep seeing classes as they are now: methods and __init__ replaced or deleted after
# use, instance attributes shadowing methods, properties added to a base after the fact.
class A:
    def __init__(self, v):
        self.v = v

    def show(self):
        return "A.show %s" % self.v


class B(A):
    pass


def run(objs):
    return [o.show() for o in objs]


objs = [A(1), B(2)]
for _ in range(3):
    print(run(objs))
A.show = lambda self: "lambda %s" % self.v
print(run(objs))
B.show = lambda self: "B only %s" % self.v
print(run(objs))
del B.show
print(run(objs))
objs[0].show = lambda: "own attribute"
print(run(objs))


def init2(self, v):
    self.v = v * 10


for i in range(3):
    print(B(i).v)
A.__init__ = init2
for i in range(3):
    print(B(i).v)
b = B(5)
b.w = 1
A.w = property(lambda self: "property wins")
print(b.w)
try:
    b.w = 2
except AttributeError as e:
    print("AttributeError", e)


class C:
    def m(self):
        return "C1"


c = C()
print(c.m())


class C:
    def m(self):
        return "C2"


print(C().m(), c.m())
items = [1, 2]
for x in items:
    if len(items) < 5:
        items.append(x * 10)
    print(x)
t = (1, 2, 3)
print([v * 2 for v in t])
