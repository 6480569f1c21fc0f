data = {
    "users": [
        {"id": 1, "name": "ann", "tags": ["admin", "dev"], "profile": {"age": 31}},
        {"id": 2, "name": "bob", "tags": [], "profile": {"age": 25, "city": "sf"}},
        {"id": 3, "name": "cy", "tags": ["dev"], "profile": {}},
    ],
    "meta": {"count": 3, "version": (1, 2)},
}
def walk(node, path=""):
    if isinstance(node, dict):
        for k in sorted(node):
            yield from walk(node[k], f"{path}.{k}" if path else k)
    elif isinstance(node, (list, tuple)):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, node

for path, value in walk(data):
    print(f"{path} = {value!r}")
devs = [u["name"] for u in data["users"] if "dev" in u["tags"]]
ages = {u["name"]: u["profile"].get("age", "?") for u in data["users"]}
print(devs, ages, data["meta"]["version"][1])
