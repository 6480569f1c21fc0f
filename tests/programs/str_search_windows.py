s = "abcabc"
for a in [(), (2,), (-2,), (10,), (6,), (1, 4), (4, 1), (-10, -3), (None, 3)]:
    print(a, s.find("c", *a), s.rfind("c", *a), s.count("c", *a), s.find("", *a), s.startswith("c", *a), s.endswith("c", *a))
print("x".removeprefix("x"), "ab".removesuffix("b"), "ab".removesuffix(""), "ab".removeprefix("zz"))
for a in [(4, 1), (7,), (3, 3), (6, 6)]:
    print(a, "abcabc".count("", *a), "abcabc".startswith("", *a), "abcabc".endswith("", *a), "abcabc".find("", *a), "abcabc".rfind("", *a))
