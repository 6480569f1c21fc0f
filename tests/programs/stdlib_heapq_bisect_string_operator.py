import heapq, bisect, string, operator, random
random.seed(7)
data = [random.randint(0, 50) for _ in range(20)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
d2 = data[:]
heapq.heapify(d2)
print(d2)
print(heapq.heappushpop(d2, 3), heapq.heapreplace(d2, 100), d2)
print(heapq.nlargest(3, data), heapq.nsmallest(4, data), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 11])))
print(list(heapq.merge([9, 4, 1], [10, 3, 2], reverse=True)))
print(list(heapq.merge(["a", "bb"], ["c", "dd"], key=len)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (3, "exec"))
heapq.heappush(tasks, (1, "alpha"))
while tasks:
    print(heapq.heappop(tasks))
s = sorted(data)
print(bisect.bisect(s, 25), bisect.bisect_left(s, 25), bisect.bisect_right(s, 25, 2, 10))
bisect.insort(s, 26); bisect.insort_left(s, 1)
print(s)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("z", 6), key=lambda r: r[1])
print(recs)
print(string.ascii_letters, string.digits, string.punctuation, repr(string.whitespace), string.capwords("hello  big world"))
print(len(string.printable), string.hexdigits, string.octdigits)
people = [{"n": "x", "a": 3}, {"n": "y", "a": 1}]
print(sorted(people, key=operator.itemgetter("a")))
class P:
    def __init__(self, n): self.n = n; self.inner = self
print(operator.attrgetter("n")(P(4)), operator.attrgetter("n", "inner.n")(P(5)))
print(operator.methodcaller("upper")("abc"), operator.methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(operator.itemgetter(0, 2)("abc"), operator.itemgetter(1), operator.attrgetter("a.b", "c"), operator.methodcaller("f", 1, k=2))
import functools
print(functools.reduce(operator.mul, range(1, 6)), operator.add(2, 3), operator.neg(4), operator.not_(0), operator.contains([1], 1), operator.abs(-3))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.getitem([5, 6], 1), operator.eq(1, 1.0))
