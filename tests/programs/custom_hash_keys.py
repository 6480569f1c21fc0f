# Instances whose classes define __eq__ and __hash__ as dict keys and set members, and the
# attribute hooks __setattr__/__delattr__ with object's own methods behind them.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


seen = {Point(1, 2), Point(1, 2), Point(3, 4)}
print(len(seen), Point(1, 2) in seen, Point(9, 9) in seen)
seen.add(Point(3, 4))
seen.add(Point(5, 6))
seen.discard(Point(1, 2))
print(sorted(seen, key=lambda p: p.x))
dist = {Point(0, 0): 0}
dist[Point(0, 1)] = 1
dist[Point(0, 0)] += 5
print(dist[Point(0, 0)], dist.get(Point(0, 1)), dist.get(Point(7, 7), "none"), len(dist))
del dist[Point(0, 1)]
print(dist, Point(0, 0) in dist, Point(0, 1) in dist.keys())
print(dist.setdefault(Point(2, 2), 9), dist.pop(Point(2, 2)), len(dist))
grid = {(Point(0, 0), "a"): 1}
print(grid[(Point(0, 0), "a")], (Point(0, 0), "a") in grid)
print({Point(1, 1): "x", Point(1, 1): "y"}, dict([(Point(1, 1), 1)]), set([Point(2, 2), Point(2, 2)]))
try:
    dist[Point(5, 5)]
except KeyError as e:
    print("KeyError", e)
print(hash(Point(1, 2)) == hash(Point(1, 2)), hash((Point(1, 2), 3)) == hash((Point(1, 2), 3)))


class Calls:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self.n == other.n

    def __hash__(self):
        print("hash", self.n)
        return self.n % 2


s = set()
s.add(Calls(1))
s.add(Calls(3))
print(Calls(3) in s)


class NoHash:
    def __eq__(self, other):
        return True


try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError", e)


class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")


f = Frozen(3)
print(f.v)
for action in [lambda: setattr(f, "v", 4), lambda: delattr(f, "v")]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError", e)


class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


log = Logged()
log.a = 1
log.a += 1
print(log.a, vars(log))
del log.a
print(hasattr(log, "a"))


class Plain:
    def __eq__(self, other):
        return super().__eq__(other)

    def __hash__(self):
        return super().__hash__()

    def __str__(self):
        return "Plain:" + super().__str__()[:8]


p = Plain()
print(p == p, p != p, p == 1, hash(p) == object.__hash__(p), str(p))
print(object.__repr__(p)[:17], object.__eq__(p, 1), object.__ne__(p, p))
