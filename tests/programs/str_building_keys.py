# Strings built by +, f-strings and str() are used as dict keys: a key whose hash was
# already computed, extended, must hash as its new text.
counts = {}
base = "key"
counts[base] = 0
longer = base + "_1"
print(longer in counts, longer == "key_1", hash(longer) == hash("key_1"))
counts[longer] = 1
print(sorted(counts.items()))

# f-strings mixing ints (negative, zero, large), bools, None, floats and strs.
for i in (-(2**63), -1009, -1, 0, 7, 99, 100, 2**63 - 1):
    k = f"w{i}_{i % 13}"
    counts[k] = counts.get(k, 0) + 1
    print(k, len(k), k in counts, str(i) == f"{i}", repr(str(i)))
print(f"{True}-{None}-{1.5}-{-0.0}-{'x'}")

# Lengths around the size kept inside a str object.
for n in range(40, 52):
    a = "a" * (n // 2)
    b = "é" * (n - n // 2)
    s = a + b
    t = f"{a}{b}"
    u = a + str(n) + b
    print(n, len(s), s == t, hash(s) == hash(t), len(u), u[n // 2 : n // 2 + 2])
    counts[s] = n
    print(t in counts, counts[t])

# The same object on both sides, and empty pieces.
w = "ab"
print(w + w, "" + w + "", f"{''}{w}{''}", (w + w) in {"abab": 1})
total = 0
keys = []
for i in range(3000):
    k = "w" + str(i % 101) + "_" + str(i % 7)
    if k in counts:
        counts[k] += 1
    else:
        counts[k] = 1
        keys.append(k)
    total += len(k)
print(len(keys), total, sum(counts[k] for k in keys))
