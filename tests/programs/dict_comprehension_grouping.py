words = "apple avocado banana blueberry cherry cranberry date".split()
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
lengths = {w: len(w) for w in words}
print(max(lengths, key=lengths.get), sorted(lengths.values()))
inverted = {}
for w, n in lengths.items():
    inverted.setdefault(n, []).append(w)
print(dict(sorted(inverted.items())))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
print(merged, merged | {"d": 5})
print({k: v for k, v in zip("abc", range(3)) if v})
d = {1: "one", 2: "two"}
for k in list(d):
    if k == 1:
        del d[k]
print(d, list(d.items()), 2 in d, "two" in d.values())
