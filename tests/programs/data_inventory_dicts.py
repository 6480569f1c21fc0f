inventory = {"apples": 10, "pears": 3}
inventory.update({"kiwis": 7}, plums=2)
inventory["pears"] += 5
print(inventory)
print(sorted(inventory, key=inventory.get))
print(inventory.pop("plums"), inventory.pop("nothing", "default"))
print(inventory.setdefault("figs", 0), inventory)
print(list(inventory.keys()), list(inventory.values()))
print({k: v for k, v in inventory.items() if v > 5})
copy = dict(inventory)
copy.clear()
print(copy, len(inventory))
print(dict(zip("abc", range(3))), dict([("x", 1), ("y", 2)]))
print(dict.fromkeys(["a", "b"], 0))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("z", {}).get("q"))
del inventory["figs"]
print("figs" in inventory, "apples" in inventory)
