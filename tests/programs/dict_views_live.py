d = {"b": 2, "a": 1}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(i), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
d["z"] = [1]
print(k, v, i)
print(sorted(k), list(v), [x for x in i], max(k), sum(d.values(), []) if False else 0)
for key, val in d.items():
    print(key, val)
print(type(k).__name__, type(iter(k)).__name__, list(reversed(list(k))))
s = "héllo wörld"
print([c for c in s], len(s), s.index("w"), list(iter("ab")))
x = [1, 2, "a", (1, 2)]
print(2 in x, "a" in x, (1, 2) in x, 3 in x, 1.0 in x, None in x)
