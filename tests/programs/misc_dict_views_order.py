d = {"b": 2, "a": 1, "c": 3}
keys = d.keys()
print(keys, list(keys), len(keys), "a" in keys)
d["d"] = 4
print(list(keys), list(d.values()), list(d.items())[-1])
del d["b"]
d["b"] = 5
print(d, list(d))
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1], reverse=True)})
e = dict(d)
print(e == d, e is d, {1: "a", 1.0: "b", True: "c"})
for k, v in d.items():
    print(k, v, end="; ")
print()
print(dict(sorted(d.items())), min(d), max(d.values()), sorted(d, key=d.get))
