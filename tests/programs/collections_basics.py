# collections: deque (maxlen, rotate, both ends), defaultdict, Counter (counting, arithmetic,
# most_common), OrderedDict (move_to_end, popitem) and namedtuple (fields, defaults, _replace).
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
import collections
d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.maxlen, 3 in d)
d.rotate(1); print(d); d.rotate(-2); print(d)
print(d.pop(), d.popleft(), d, list(reversed(d)))
q = deque()
q.extend("abc"); q.extendleft("xy")
print(q, q.index("a"), q.count("b"))
try:
    deque().popleft()
except IndexError as e:
    print(e)
dd = defaultdict(list)
for word in ["apple", "avocado", "banana"]:
    dd[word[0]].append(word)
print(dd, dict(dd), sorted(dd.items()), "a" in dd, "z" in dd, len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts)
print(defaultdict(None, {"x": 1}))
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print("KeyError", e)
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), c.total())
c.update("aaz"); c.subtract({"b": 5})
print(c, sorted(c.elements())[:4])
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(), Counter({"x": 2}) == {"x": 2})
od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
od.move_to_end("b")
print(od, od.popitem(), od.popitem(last=False), od)
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, tuple(p), p == (1, 2))
x, y = p
print(x + y, len(p), Point._make([5, 6]), sorted([Point(2, 1), Point(1, 5)]))
Job = namedtuple("Job", "name priority done", defaults=[False])
print(Job("a", 1), Job("b", 2, True).done, hash(Job("a", 1)) == hash(Job("a", 1)))
try:
    Point(1)
except TypeError as e:
    print(e)
print(type(p).__name__, isinstance(p, Point), collections.deque)
