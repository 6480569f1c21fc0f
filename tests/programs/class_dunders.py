class V:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "V(" + ", ".join(map(str, self.xs)) + ")"

    def __add__(self, other):
        if isinstance(other, V):
            return V(*[a + b for a, b in zip(self.xs, other.xs)])
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return V(*[a * k for a in self.xs])

    __rmul__ = __mul__

    def __neg__(self):
        return V(*[-a for a in self.xs])

    def __eq__(self, other):
        return isinstance(other, V) and self.xs == other.xs

    def __lt__(self, other):
        return sum(self.xs) < sum(other.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __contains__(self, x):
        return x in self.xs

    def __iter__(self):
        return iter(self.xs)

    def __bool__(self):
        return any(self.xs)

    def __call__(self, scale):
        return self * scale


a, b = V(1, 2), V(3, 4)
print(a + b, 2 * a, a * 3, -a, a == V(1, 2), a != b, a < b, b > a)
print(len(a), a[0], a[-1], 2 in a, 5 in a, list(a), sum([a, b]))
a[0] = 10
print(a, bool(V(0, 0)), bool(a), a(2))
print(sorted([V(5), V(1), V(3)]), max(V(1), V(9), V(4)))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    {a: 1}
except TypeError as e:
    print("TypeError:", e)
for x in V(7, 8):
    print(x, end=" ")
print()
if V(0):
    print("truthy")
else:
    print("falsy")


class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(list(Counter(4)), [x * x for x in Counter(3)])
