# Sets iterate (and print) in CPython's table order: ints, floats and tuples of them.
print({3, 1, 2}, {10, 5, 100, 33}, set(range(20, 0, -3)), {-1, -5, 7, -2}, {1.5, 2.5, 0.5})
s = {5, 3}
s.add(1)
s.add(64)
s.add(8)
print(s, list(s), sorted(s))
s.discard(64)
s.add(0)
s.remove(3)
s.add(96)
print(s, len(s))
print({x % 7 for x in range(30)}, {x * 37 for x in range(12)}, {(1, 2), (0, 1), (2, 0)})
print(frozenset([3, 2, 1]), set([40, 8, 16, 24, 32, 0]), set({9: 1, 1: 2, 17: 3}))
a = {1, 9, 17, 25, 33, 2}
b = {9, 33, 4, 12}
print(a | b, a & b, a - b, a ^ b, b - a, b ^ a, b & a, b | a)
print(set(a), a.copy(), frozenset(a) | b, a.union(b, {100}), a.intersection(b), a.difference(b))
c = set(a)
c |= {200, 7}
print(c)
c &= {1, 2, 200, 999}
print(c)
c -= {2}
print(c)
c ^= {1, 5, 13}
print(c)
big = set(range(0, 1000, 37))
print(big, len(big))
big -= set(range(0, 500, 37))
print(big)
print({1e20, 2.0 ** 70, -0.5, 0.25}, {True, 2, 3.0}, {(i, -i) for i in range(4)})
print({2 ** 62, 2 ** 61, 2 ** 100, -(2 ** 61)}, {-1, -2}, {10 ** 30, 10 ** 29})
e = set()
for i in range(100, 0, -7):
    e.add(i)
print(e)
while len(e) > 10:
    e.pop()
print(e)
print([x for x in {4, 44, 444, 4444}], max({3, 30, 300}), sum({1, 2, 3}), tuple({8, 16, 24}))

# Methods and constructors taking other iterables keep CPython's order too.
d = {k: 1 for k in [40, 8, 16, 24, 32, 0, 3]}
print(set(d), frozenset(d), {x for x in d}, set([40, 8, 16, 24, 32, 0, 3]))
s = {1, 2, 3}
s.update([17, 33, 49], {65, 81})
print(s, s.union([97]), s.difference([1, 2]), s.symmetric_difference([1, 500]))
print(s.intersection([33, 1, 49, 1000]), s.intersection({81, 65}), s.difference({1}, [2]))
print(s.isdisjoint([4, 5]), s.isdisjoint({1}), set(), frozenset(), set(s) == s)
