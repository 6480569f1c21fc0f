# Methods of the built-in containers called through their objects and their types, and
# the errors and reprs of them.
d = {"a": 1}
print(d.fromkeys([1, 2], 0), d.get("a"), d.get("b", 5), d.pop("a"), d)
l = [3, 1, 2]
l.append(4); l.sort(); l.sort(key=lambda x: -x, reverse=True)
print(l, l.index(2), l.count(1), "a,b".split(","), " x ".strip(), (1, 2, 1).count(1))
s = {1}
s.add(2); print(s, frozenset({1}).union({3}), "abc".upper(), "-".join(["a", "b"]))
try:
    l.append()
except TypeError as e:
    print(e)
try:
    "x".nosuch()
except AttributeError as e:
    print(e)
m = l.append
m(9)
print(l, "{} {}".format(1, 2), "{a}".format(a=3))
print(dict.fromkeys("ab"), str.upper("q"), list.append)
