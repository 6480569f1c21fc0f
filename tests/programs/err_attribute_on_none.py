def find(items, key):
    for it in items:
        if it["id"] == key:
            return it

item = find([{"id": 1, "name": "a"}], 2)
print("found:", item)
print(item.name)
