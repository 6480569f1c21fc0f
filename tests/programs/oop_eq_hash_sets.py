class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __repr__(self):
        return f"P({self.x},{self.y})"

a, b = Point(1, 2), Point(1, 2)
print(a == b, a is b, a != b, a == (1, 2))
try:
    {a}
except TypeError as e:
    print("TypeError:", e)

class Tag:
    def __init__(self, name):
        self.name = name

t1, t2 = Tag("x"), Tag("x")
s = {t1, t2, t1}
print(len(s), t1 in s, Tag("x") in s)
d = {t1: "first"}
d[t2] = "second"
print(len(d), d[t1], d[t2])
print(sorted([Point(2, 1), Point(1, 5)], key=lambda p: (p.x, p.y)))
