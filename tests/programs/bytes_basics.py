# bytes: literals, repr, items and slices, comparison, hashing, encoding and decoding.
b = b"abc"
print(b, len(b), b[0], b[-1], b[1:], b[::-1], list(b), type(b).__name__)
print(b + b"d", b * 2, 3 * b"xy", b == b"abc", b != b"abd", b < b"abd", b"" < b"a")
print(b == "abc", isinstance(b, bytes), bool(b""), bool(b"\x00"))
print(repr(b"\x00\n\t\r'\\"), repr(b'say "hi"'), repr(b"it's \"x\""), b"\x7f\x80\xff")
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes(b"copy"))
print(bytes("héllo", "utf-8"), "héllo".encode(), "abc".encode("ascii"), "é".encode("latin-1"))
print(b"h\xc3\xa9llo".decode(), b"abc".decode("ascii"), b"\xe9".decode("latin-1"))
print(b"a" in b"cat", 97 in b"abc", 120 in b"abc", b"" in b"x")
d = {b"k": 1, "k": 2}
print(d[b"k"], d["k"], len(d), hash(b"same") == hash(b"same"))
print([c for c in b"hi"], sorted([b"b", b"a", b"ab"]))
print(b"a,b,,c".split(b","), b"  x y \n".split(), b"  pad  ".strip(), b"xxhixx".strip(b"x"))
print(b"-".join([b"a", b"b", b"c"]), b"abcabc".replace(b"b", b"XY"), b"hello".upper(), b"HeLLo".lower())
print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b"hello".find(b"l"), b"hello".find(108))
print(b"hello".count(b"l"), b"hello".index(b"lo"), b"\x01\xff".hex(), b"abc".find(b"z"))
print(f"{b'fmt'}", str(b"s"), "%s" % b"p")

for bad in [lambda: b"\xff".decode(), lambda: b"\xe2\x82".decode(), lambda: b"\xe2(".decode(),
            lambda: b"\xf0\x9f(".decode(), lambda: b"\x80abc".decode("ascii"),
            lambda: "é".encode("ascii"), lambda: "€".encode("latin-1"), lambda: "x".encode("nope"),
            lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(-1), lambda: bytes("s"),
            lambda: bytes(1.5), lambda: bytes(["a"]), lambda: b"a" + "b", lambda: "b" + b"a",
            lambda: "a" in b"abc", lambda: 300 in b"abc", lambda: b"abc"[5], lambda: b"x" < "y",
            lambda: b"a".join(["b"]), lambda: b"".split(b"")]:
    try:
        print(bad())
    except (ValueError, TypeError, LookupError, IndexError) as e:
        print(type(e).__name__, e)
