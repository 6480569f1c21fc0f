d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "d": 4}
print(sorted(d.keys() & e.keys()), sorted(d.keys() | e), sorted(d.keys() - {"a"}), sorted(d.keys() ^ e.keys()))
print(sorted(d.items() & {("a", 1), ("b", 5)}), sorted({"z"} | d.keys()), sorted(["c", "x"] and (d.keys() & ["c", "x"])))
try:
    d.values() & {1}
except TypeError as e:
    print(e)
