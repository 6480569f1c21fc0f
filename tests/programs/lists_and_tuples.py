# Lists and tuples: indexing, slicing, methods, unpacking, iteration helpers.
nums = [5, 3, 8, 1]
nums.append(7)
nums.insert(0, 10)
nums.extend([2, 2])
print(nums, len(nums), nums[0], nums[-1], nums[1:3], nums[::2], nums[::-1], nums[-3:])
print(nums.pop(), nums.pop(0), nums.index(8), nums.count(2), nums)
nums[1] = 30
nums[-1] += 100
del nums[0]
print(nums, sorted(nums), sorted(nums, reverse=True), min(nums), max(nums), sum(nums))
nums.reverse()
copy = nums.copy()
copy.clear()
print(nums, copy, list(range(4)), list("abc"), tuple([1, 2]), (1,), ())
point = (3, 4)
x, y = point
a, b, c = "xyz"
first, second = [[1, 2], (3, 4)]
print(x, y, a, b, c, first, second, point[0], point[1:], 3 in point, 5 not in point)
for i, word in enumerate(["zero", "one", "two"]):
    print(i, word)
for i, word in enumerate(["a", "b"], 1):
    print(i, word)
for n, s in zip([1, 2, 3], "ab"):
    print(n, s)
nested = [[1, 2], [3, [4, 5]]]
nested[1][1][0] = 40
print(nested, nested[1][1], max(3, 9, 4), min("b", "a"), sum([0.5, 0.25]))
grid = [[0] * 3, [1] * 2]
print(grid, [1, 2] + [3], [0] * 0)
