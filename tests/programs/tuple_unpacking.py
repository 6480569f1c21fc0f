a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *mid, tail = range(6)
print(first, rest, init, last, head, mid, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
t = (1, 2, 3)
print(t + (4,), t * 2, t[1:], len(t), t.count(2), (1,) * 3, tuple(), (1, 2) < (1, 3))
def swap_pairs(pairs):
    return [(b, a) for a, b in pairs]
print(swap_pairs([(1, "x"), (2, "y")]))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
