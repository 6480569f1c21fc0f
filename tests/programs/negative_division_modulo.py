pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (5, 1), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1e10, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-2 ** 2, (-2) ** 2, 2 ** -2, (-8) ** (1 / 3) if False else "skip", 10 ** -1)
print(round(-0.5), round(-1.5), round(-2.5), int(-0.9), -(-3))
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(5.0 // 0)
except ZeroDivisionError as e:
    print(e)
