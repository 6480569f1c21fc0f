# Indexing and slicing strs longer than the inline size, ASCII and not, with every kind of
# step and bound; len() of them.
texts = ["abcdefghij" * 7, "é" + "abcdefghij" * 7, "日本語のテキスト" * 9, "x" * 47, "ü" * 47]
for s in texts:
    print(len(s), s[0], s[-1], s[46], s[len(s) // 2])
    print(s[3:9], s[-5:], s[:4], s[::7], s[::-9], s[50:3:-6], s[10:5], s[-100:2])
    count = 0
    for i in range(len(s)):
        if s[i] in "aé日x":
            count += 1
    print(count, s[1:-1].count("a"), len(s[5:]))
    for bad in (len(s), -len(s) - 1):
        try:
            s[bad]
        except IndexError as e:
            print("IndexError:", e)
long_ascii = "0123456789" * 1000
total = 0
i = 0
while i < len(long_ascii):
    total += int(long_ascii[i])
    i += 3
print(total, long_ascii[9995:], len(long_ascii[::2]))
