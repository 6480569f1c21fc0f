people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la"), ("di", 25, "nyc"), ("ed", 40, "sf")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True))
by_city = sorted(people, key=lambda p: p[2])
print([p[0] for p in sorted(by_city, key=lambda p: p[1])])
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((3, 1)), sorted({"b": 1, "a": 2}))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums, min(nums, key=abs), max(nums, key=lambda n: n * n))
print(sorted([[1, "b"], [1, "a"], [0, "z"]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
