# Integer and float arithmetic, CPython's floor division and modulo, big ints, comparisons.
a, b = 17, -5
print(a + b, a - b, a * b, a / b, a // b, a % b, -a // 5, -a % 5)
print(7 // -2, 7 % -2, -7 // -2, -7 % -2, 2 ** 10, 2 ** -1, (-3) ** 3)
print(1.5 + 2, 3 * 0.1, 1 / 3, 10 / 4, 7.5 // 2, 7.5 % 2, -7.5 % 2, 2.0 ** 0.5)
big = 2 ** 64
print(big, big * big, big - 1, -big, big // 3, big % 1000, 9223372036854775807 + 1)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 2, 1 <= 1 < 1.5, 10 ** 20 > 10 ** 19)
print(True + True, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -1 >> 3, abs(-4), abs(-2.5))
print(1e16, 1e-5, 0.1 + 0.2, 123456789.0, -0.0, 1e300 * 1e10, float("nan"))
print(int("42"), int(" -7 "), int(3.99), int(-3.99), float("2.5"), float(7), str(12) + "3")
x = 10
x += 5
x *= 3
x //= 4
x -= 1
x %= 7
x **= 3
print(x, not x, not 0, 0 or "zero", 3 and 4, None or 0 or [] or "last")
