def combine(a, b):
    return a + b

print(combine(1, 2), combine("x", "y"), combine([1], [2]))
print(combine({"a": 1}, {"b": 2}))
