# Dict and set tables under growth, removal, re-insertion and colliding hashes: lookups,
# iteration order and lengths must stay as CPython's.

def check(d, keys):
    return [k in d for k in keys], len(d)

# Growth through many sizes, then removal of most keys and re-insertion in another order.
d = {}
for i in range(1000):
    d[i * 7919 % 1009] = i
print(len(d), list(d)[:10], d[3], d[1008])
for i in range(0, 1009, 3):
    d.pop(i, None)
print(len(d), list(d)[:10])
for i in range(0, 1009, 6):
    d[i] = -i
print(len(d), list(d)[-5:], d.get(6), d.get(3))

# Keys that hash alike: -1 and -2 share a hash; 1, 1.0 and True are one key.
c = {-1: "a", -2: "b", 1: "one"}
c[1.0] = "float one"
c[True] = "true"
print(c, hash(-1) == hash(-2), c[-1], c[-2])
del c[-1]
print(c, -1 in c, -2 in c)
c[-1] = "again"
print(c)

# String keys of every length class, sharing prefixes: short, over sixteen bytes, long.
words = ["k", "key", "key_" * 4, "key_" * 4 + "x", "key_" * 12, "key_" * 12 + "y", "é" * 9]
s = {}
for n, w in enumerate(words):
    s[w] = n
    s[w + "!"] = -n
for w in words:
    assert s[w] == words.index(w)
    assert ("".join([w, "!"]) in s) and ((w + "?") not in s)
print(len(s), [s["".join(["key_"] * 4)], s["key_" * 12 + "y"]])
for w in words[::2]:
    del s[w]
print(sorted(s.values()))

# Churn: a dict used as a queue of keys, far past its first sizes.
q = {}
for i in range(20000):
    q[f"item{i}"] = i
    if i >= 50:
        del q[f"item{i - 50}"]
print(len(q), next(iter(q)), list(q)[-1], "item19990" in q, "item100" in q)

# popitem, setdefault, pop, clear.
p = dict.fromkeys("abcdef", 0)
print(p.popitem(), p.setdefault("z", 9), p.pop("a"), p)
p.clear()
print(p, "b" in p)
p["b"] = 1
print(p)

# Sets with the same churn, and set algebra over them.
st = set(range(100))
for i in range(0, 100, 2):
    st.discard(i)
st |= {200, 201, 1}
print(len(st), 200 in st, 2 in st, sorted(st)[:5])
print(sorted(st & set(range(0, 300, 3)))[:6], len(st - set(range(50))))

# Equality and copying after removals.
a = {i: str(i) for i in range(40)}
b = dict(a)
for i in range(30):
    del a[i]
    del b[39 - i]
print(a == b, len(a), len(b), sorted(a) == sorted(b), a == {i: str(i) for i in range(30, 40)})
print(check(a, [30, 31, 0, 39, 40]))

# The same key object looked up again and again while the dict changes under it.
counts = {}
gone = 0
for i in range(3000):
    k = "k" + str(i % 37)
    if k in counts:
        counts[k] += 1
        if counts[k] % 10 == 0:
            del counts[k]
            gone += k not in counts
            counts["filler" + str(i)] = 0
            del counts["filler" + str(i)]
    else:
        counts[k] = 1
print(sorted(counts.items())[:5], len(counts), gone)
