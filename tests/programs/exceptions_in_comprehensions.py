def safe_int(s):
    try:
        return int(s)
    except ValueError:
        return None

raw = ["1", "x", "3", "", "5"]
print([safe_int(s) for s in raw], [n for n in map(safe_int, raw) if n is not None])
try:
    print([int(s) for s in raw])
except ValueError as e:
    print("comprehension failed:", e)
try:
    {k: 1 / v for k, v in {"a": 1, "b": 0}.items()}
except ZeroDivisionError as e:
    print("dict comprehension failed:", e)
def gen_fail():
    yield 1
    raise RuntimeError("inside generator")
try:
    print(sum(x for x in gen_fail()))
except RuntimeError as e:
    print("genexp failed:", e)
