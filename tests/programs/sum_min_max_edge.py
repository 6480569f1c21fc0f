print(sum([]), sum([], 10), sum(range(101)), sum([1.5, 2.5]), sum([True, True, False]))
print(min([3, 1, 2]), max([3, 1, 2]), min("hello"), max([[1, 2], [1, 3]]), min(4, 2, 8))
print(max([], default="empty"), min([], default=None), max([1, 5, 3], key=lambda x: -x))
print(max({"a": 3, "b": 7}, key=lambda k: {"a": 3, "b": 7}[k]), min((2, "b"), (1, "z"), (1, "a")))
for bad in [[], [1, "a"]]:
    try:
        print(max(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(sum([[1], [2, 3]], []), sum(x * x for x in range(10)), round(sum([0.1] * 3), 10))
