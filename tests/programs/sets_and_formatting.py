s = {3, 1, 2}
t = set([2, 3, 4])
print(sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t))
print(s <= {1, 2, 3, 4}, s < s, s == {1, 2, 3}, 2 in s, len(s))
s.add(10)
s.discard(1)
print(sorted(s), sorted({x % 3 for x in range(10)}), set(), frozenset([1]))
fs = frozenset("aab")
print(sorted(fs), {fs: 1}[frozenset("ba")])
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print("%d items cost %.2f (%s)" % (3, 9.5, "ok"))
print("%5s|%-5s|%05d|%x|%o|%e|%r" % ("a", "b", 42, 255, 8, 12345.678, "q"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "100%%" % ())
print("{} and {}".format(1, 2), "{1}{0}".format("a", "b"), "{x:>5}|{y:.3f}".format(x="r", y=2))
print("{0[1]} {1}".format([5, 6], 7), "{:,}".format(1234567), "{!r}".format("s"))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % (1,))
except TypeError as e:
    print("TypeError:", e)
