rows = []
for i in range(1, 6):
    rows.append(" ".join(str(i * j).rjust(3) for j in range(1, 6)))
print("\n".join(rows))
s = ""
for ch in "abcdef":
    s = ch + s
print(s, s[::-1], s[1:4], s[-2:], s[:100])
print("-".join(["a", "b", "c"]), ",".join(map(str, range(5))), "".join(reversed("xyz")))
print("abc" * 3, "=" * 10, len("héllo"), "héllo".upper(), "ß".upper())
print("Hello"[1:], "Hello"[::2], "a,b,,c".split(","), "  pad  ".strip() + "|")
print(str(12).zfill(5), "%05.1f" % 3.14159, "%x %o %e" % (255, 8, 12345.678))
print(ord("€"), chr(8364), "\u00e9" == "é", "tab\there".split("\t"), repr("\n"))
