# String methods, indexing and slicing.
s = "  Hello, World  "
t = s.strip()
print(repr(t), t.upper(), t.lower(), t.title(), "hELLO".capitalize(), t[0], t[-1], t[7:], t[::-1])
print(t.split(", "), "a b  c".split(), "a,b,,c".split(","), "x y z".split(" ", 1), "-".join(["1", "2", "3"]))
print(t.replace("l", "L"), t.replace("l", "L", 1), t.startswith("Hell"), t.endswith("!"), t.find("World"), t.find("?"))
print("banana".count("a"), "123".isdigit(), "12a".isdigit(), "abc".isalpha(), "xxhixx".strip("x"), "..a..".lstrip("."))
words = "the quick brown fox".split()
print(len(words), " ".join(words), words[1][::-1])
