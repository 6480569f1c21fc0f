# One attribute read site seeing instances of many shapes (different orders, extra names,
# instances that moved to their own table) and a class: each must read its own attribute.
class A:
    pass


def make(order, extra=0):
    o = A()
    for i, name in enumerate(order):
        setattr(o, name, name.upper() + str(i) + order)
    for i in range(extra):
        setattr(o, "e" + str(i), i)
    return o


objs = [make("ab"), make("ba"), make("cab"), make("bca", 15), make("a"), make("xyzab")]
gone = make("abc")
del gone.b
objs.append(gone)
objs.append(A)
A.a = "class attr"


def read(o):
    return o.a


for _ in range(3):
    print([read(o) for o in objs])
for o in objs[:-1]:
    o.a = o.a.lower()
print([read(o) for o in objs])
print([getattr(o, "b", None) for o in objs])
