for s in ["\xa0", "\xad", "\x85", "a\u2028b", "\ue000", "\U000f0000", "ok é ☃ 日本", "\x7f"]:
    print(repr(s))
def f():
    a = 1
    b = 2
    return dir()
print(f())
print([n for n in dir() if not n.startswith("__")])
