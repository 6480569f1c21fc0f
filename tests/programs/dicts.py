# Dicts: displays, access, methods, iteration order, numeric keys.
ages = {"ann": 31, "bob": 25}
ages["cy"] = 40
ages["ann"] += 1
print(ages, len(ages), ages["bob"], "cy" in ages, "dan" in ages, ages.get("dan"), ages.get("dan", 0))
for name in ages:
    print(name, ages[name])
for name, age in ages.items():
    print(f"{name}={age}")
print(list(ages.keys()), list(ages.values()), ages.pop("bob"), ages)
print(ages.setdefault("dan", 19), ages.setdefault("ann", 0), ages)
ages.update({"eve": 50}, fay=60)
del ages["cy"]
print(ages, dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(ages) == ages, {})
keys = {1: "int", 2.0: "float", True: "bool"}
print(keys, keys[1.0], keys[2])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts), max(counts.values()))
pairs = {(1, 2): "tuple key"}
print(pairs[(1, 2)], pairs)
