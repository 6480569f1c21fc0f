xs = [5, 3, 8, 1]
xs.append(9)
xs.insert(0, 7)
xs.extend([2, 2])
print(xs, len(xs), xs.count(2), xs.index(8))
print(xs.pop(), xs.pop(0), xs)
xs.remove(2)
xs.sort()
print(xs)
xs.sort(key=lambda v: -v)
print(xs)
xs.reverse()
print(xs, xs[::2], xs[1:-1], xs[::-1][:2])
ys = xs.copy()
ys[0] = 100
print(xs[0], ys[0])
xs[1:3] = ["a", "b", "c"]
print(xs)
del xs[::2]
print(xs)
print([1, 2] * 3, [[0] * 2] * 2, [1, 2] + [3], 3 in [1, 2, 3], [] == [], [1, [2]] == [1, [2]])
print([1, 2, 3] < [1, 3], max([[1, 2], [1, 3]]), sorted([[2, 1], [1, 2]]))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[1] for row in matrix], [x for row in matrix for x in row if x % 2])
