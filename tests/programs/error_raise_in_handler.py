def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError:
        raise ValueError(f"no such key: {key}")


print(load("a"))
load("b")
