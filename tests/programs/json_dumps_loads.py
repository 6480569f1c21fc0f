import json
data = {"name": "Ada", "tags": ["x", "y"], "n": 3, "f": 2.5, "ok": True, "none": None, "nested": {"a": [1, {"b": []}], "e": {}}, "uni": "café ☕ 𝄞", "esc": "line\n\t\"q\" \\ \x01"}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True, ensure_ascii=False))
print(json.dumps([1, 2, 3], separators=(",", ":")))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps((1, 2)), json.dumps("s"), json.dumps(10**20), json.dumps(1e100), json.dumps(float("nan")), json.dumps(-0.0))
class P:
    def __init__(self): self.x = 1
print(json.dumps(P(), default=lambda o: o.__dict__))
try:
    json.dumps(P())
except TypeError as e:
    print(e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
s = json.dumps(data)
print(json.loads(s) == data, json.loads(s))
print(json.loads('[1, 2.5e3, -0, "\\u00e9\\ud834\\udd1e", true, false, null, {"k": {"z": [ ]}}]'))
print(json.loads("  42 "), json.loads('"x"'), json.loads('NaN') != json.loads('NaN'), json.loads('-Infinity'))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
for bad in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '[1 2]', '"abc', 'tru', '{1: 2}', '[1] x', '"\\x"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(json.loads(b'{"b": 1}'))
json.loads('{"a":\n  [1,\n  }')
