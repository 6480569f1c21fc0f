# dict(), dict.update(), {**x} and f(**x) take any mapping (an object with keys() and
# __getitem__) and, for dict()/update(), iterables of pairs; type(name, bases, namespace)
# makes a class.
class Mapping:
    def __init__(self, data):
        self.data = data

    def keys(self):
        return list(self.data)

    def __getitem__(self, key):
        return self.data[key] * 10


def show(**kwargs):
    return sorted(kwargs.items())


m = Mapping({"a": 1, "b": 2})
print(dict(m), {**m, "c": 3}, show(**m))
d = {"x": 0}
d.update([("y", 1), ("z", 2)])
d.update(m, w=9)
d.update(((k, len(k)) for k in ["long", "s"]))
print(d)
for bad in [[1, 2], [("a", 1, 2)], 5]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    {**[1]}
except TypeError as e:
    print(e)
Point = type("Point", (), {"dims": 2, "__repr__": lambda self: "Point()"})
Point3 = type("Point3", (Point,), {"dims": 3})
print(Point, Point(), Point3.dims, Point3.__mro__, isinstance(Point3(), Point))
try:
    type("X", [], {})
except TypeError as e:
    print(e)
