# Plain values in f-strings, str() of ints and strs, dict reads/writes and membership with
# every kind of key, and the errors of each.
class S:
    def __init__(self, text):
        self.text = text

    def __str__(self):
        return "S!" + self.text


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v


x = -0
print(f"{True}{None}{1.5}{x}{2**70}{'s'}{-12345}{1e16}{S('a')}{[1, 'b']}")
print(str(-9223372036854775807 - 1), str("abc"), str(S("q")), str(1.25), str(False))
d = {}
for k in [1, "a", (1, 2), 2.0, K(3), True, None, frozenset({1})]:
    d[k] = f"v{len(d)}"
print(d[1], d["a"], d[(1, 2)], d[2], d[K(3)], d[None], d[frozenset({1})])
print(1 in d, 2 in d, K(3) in d, K(4) not in d, "b" in d, (1, 2) in {(1, 2)})
def store(key):
    d[key] = 1


for bad in ([], {}, set()):
    for attempt in (lambda: bad in d, lambda: d[bad], lambda: store(bad)):
        try:
            attempt()
        except TypeError as e:
            print("TypeError", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
s = "x"
s += "y"
s = s + "z" * 2
print(s, "a" + "b" + str(3) + f"{4}")
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
