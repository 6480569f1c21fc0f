print(int("  42 "), int(-3.9), int(True), float("3.5"), float("-inf"), float(7))
print(str(1.0), str(1e16), str(1.5e-7), repr(0.1 + 0.2), str(123456789.0))
print(bool(""), bool(" "), bool(0.0), bool([0]), bool(None))
print(list("abc"), tuple([1, 2]), set("aab") == {"a", "b"}, dict(a=1))
print(int("1_000"), float("1_0.5"), 10 ** 20, 2 ** 64 - 1, -(2 ** 63))
print(7 // 2, -7 // 2, 7 % -2, -7 % 2, 7 / 2, 2 ** -1, 9 ** 0.5)
print(1e308 * 10, -1e308 * 10, float("nan") == float("nan"))
for bad in ["abc", "1.2.3", ""]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    int("12a")
except ValueError as e:
    print(e)
print(format(1234567.891, ",.2f"), format(0.5, ".0%"), format(42, "08b"), format("x", "^5"))
