class V:
    __slots__ = ()

class Vec:
    def __init__(self, *coords):
        self.coords = tuple(coords)

    def __add__(self, o):
        return Vec(*(a + b for a, b in zip(self.coords, o.coords)))

    def __sub__(self, o):
        return Vec(*(a - b for a, b in zip(self.coords, o.coords)))

    def __mul__(self, k):
        if isinstance(k, Vec):
            return sum(a * b for a, b in zip(self.coords, k.coords))
        return Vec(*(a * k for a in self.coords))

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vec(*(-a for a in self.coords))

    def __abs__(self):
        return sum(a * a for a in self.coords) ** 0.5

    def __eq__(self, o):
        return isinstance(o, Vec) and self.coords == o.coords

    def __hash__(self):
        return hash(self.coords)

    def __len__(self):
        return len(self.coords)

    def __getitem__(self, i):
        return self.coords[i]

    def __iter__(self):
        return iter(self.coords)

    def __bool__(self):
        return any(self.coords)

    def __repr__(self):
        return f"Vec{self.coords}"

a, b = Vec(1, 2, 3), Vec(4, 5, 6)
print(a + b, a - b, a * 2, 3 * a, -a, a * b)
print(abs(Vec(3, 4)), len(a), a[1], a[-1], list(a))
print(a == Vec(1, 2, 3), a != b, bool(Vec(0, 0)), bool(a))
x, y, z = a
print(x, y, z, sum(b), max(b))
