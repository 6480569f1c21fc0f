class Point:
    """A point."""
    count = 0

    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(1, 2)
q = p.moved(3, 4)
print(p, q, repr(q), [p, q])
print(Point.count, p.count, type(p).__name__, type(p) is Point)
p.z = 10
print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "none"))
setattr(p, "w", 5)
print(p.w, vars(p))
del p.w
print(hasattr(p, "w"))
m = p.moved
print(m(1, 1))
print(Point.moved(p, 2, 2))
print(isinstance(p, Point), isinstance(p, object), isinstance(3, Point))
print(Point.__name__, Point.__qualname__)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
