def safe_sqrt(x):
    assert isinstance(x, (int, float)), f"expected number, got {type(x).__name__}"
    assert x >= 0, "negative input"
    return x ** 0.5

print(safe_sqrt(16))
for bad in ["4", -1]:
    try:
        safe_sqrt(bad)
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("empty message:", repr(str(e)), e.args)
assert 1 + 1 == 2, "math works"
print("done")
assert [] , "empty list is falsy"
