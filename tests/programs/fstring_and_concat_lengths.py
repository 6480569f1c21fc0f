# f-strings and + joining pieces of every length around the size a short str keeps inline
pieces = ["", "a", "é", "€x", "w" * 20, "ü" * 11, "z" * 45, "q" * 46, "r" * 47]
for a in pieces:
    for b in pieces:
        for n in (0, -7, 123456789012):
            s = f"{a}{n}{b}"
            t = a + str(n) + b
            assert s == t, (a, b, n)
            print(len(s), len(t), s[:3], s[-3:], hash(s) == hash(t))
        u = a + b
        print(len(u), u == f"{a}{b}", u.encode("utf-8")[-4:])
print(f"{'x' * 40}{1.5}{None}{True}{-0}", "é" * 30 + "€" * 30)
