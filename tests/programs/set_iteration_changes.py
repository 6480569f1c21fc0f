# A set that changes size while it is iterated raises RuntimeError, and the iterator stays
# failed; frozensets and sets iterated without changes give every member once.
s = {3, 1, 2}
seen = []
try:
    for x in s:
        seen.append(x)
        s.add(x * 10)
except RuntimeError as e:
    print("RuntimeError:", e, len(seen))

s = {1, 2, 3, 4}
it = iter(s)
print(type(it).__name__, next(it))
s.discard(4)
for attempt in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("again" if attempt else "first", e)

s = {5, 6}
it = iter(s)
s.clear()
try:
    print(list(it))
except RuntimeError as e:
    print("cleared:", e)

f = frozenset(["a", "b", "c"])
print(sorted(x for x in f), len(f))
total = 0
for x in {1, 2, 3}:
    for y in {10, 20}:
        total += x * y
print(total)

s = {1, 2, 3}
for x in list(s):
    s.add(x + 100)
print(sorted(s))

s = {1, 2}
it = iter(s)
print(sorted(it))
print(list(it))
