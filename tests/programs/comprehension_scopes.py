# Comprehension variables do not leak; the outermost iterable is evaluated in the enclosing scope.
x = "outer"
values = [x for x in range(3)]
print(x, values)


def scale(items, factor):
    return [[v * factor for v in row] for row in items]


print(scale([[1, 2], [3]], 10))
words = ["apple", "kiwi", "banana"]
lengths = {w: len(w) for w in words if len(w) > 4}
print(lengths, [c for w in words for c in w if c in "aeiou"][:5])
