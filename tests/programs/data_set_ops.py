a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, a < a, a >= {1}, a.isdisjoint({9}))
c = set()
for w in "the cat sat on the mat".split():
    c.add(w)
print(sorted(c), len(c))
c.discard("the")
c.discard("nope")
print(sorted(c))
f = frozenset([1, 2, 2, 3])
print(f, sorted(f | {9}), hash(f) == hash(frozenset([3, 2, 1])))
print({x % 3 for x in range(10)})
s = {1, 2}
s.update([3, 4], (5,))
print(s, s.pop() in {1, 2, 3, 4, 5})
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
