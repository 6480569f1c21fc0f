# Operator errors and big-int true division, as CPython words and rounds them.
print(10 ** 400 / 10 ** 399, 2 ** 60 / 3, -(10 ** 30) / 7, 1 / 10 ** 400, (2 ** 70 + 1) / 2 ** 70)
for expression in ["'a' * 'b'", "[1] * 2.0", "10 ** 400 / 1", "None < 1", "-'x'"]:
    pass
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    [1] * 2.0
except TypeError as e:
    print(e)
try:
    None < 1
except TypeError as e:
    print(e)
print(10 ** 400 / 1)
