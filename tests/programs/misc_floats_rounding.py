vals = [0.5, 1.5, 2.5, -0.5, 2.675, 1.005, 123.456, 1e-7, 1e16, 0.1 + 0.2]
for v in vals:
    print(repr(v), round(v), round(v, 2), f"{v:.3g}", str(v))
print(1 / 3, 2 / 3, 10 / 3, 1e22, 1e-5, 100.0, -0.0, 3.0 * 1.1)
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9, 7.0 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, 2))
print(float("1e309"), -float("inf"), 1e308 + 1e308, int(1e10), int(-1e-10))
print(round(12345, -2), round(-12355, -1), round(0.125, 2), round(0.375, 2))
print(sum([0.1] * 10), max(1.5, 2), min(-0.0, 0.0), 3 * 0.1)
