print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])))
print(list(enumerate("abc", start=10)), list(enumerate([])))
names, scores = ["a", "b", "c"], [90, 80, 70]
for i, (n, s) in enumerate(zip(names, scores), 1):
    print(i, n, s)
pairs = list(zip(names, scores))
unzipped = list(zip(*pairs))
print(pairs, unzipped)
print(dict(enumerate("xyz")), list(reversed(range(0, 10, 3))), list(reversed([1, 2, 3])))
print(list(map(lambda t: t[0] * t[1], zip(range(4), range(4, 8)))))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], sum(map(sum, matrix)))
