values = [0, 1, "", "a", [], [0], {}, None, 0.0, -1]
print([bool(v) for v in values])
print(0 or "default", "x" or "y", None and 1, 1 and 2, [] or {} or "last")
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, x is not None, not x)
print(all([]), any([0, None, ""]), [] is not [], "" == "", None == False)
a = b = [1]
print(a is b, a == [1], a is [1])
def side(v):
    print("eval", v)
    return v
print(side(0) and side(1), side(2) or side(3))
print(1 if x > 3 else 0, "big" if x > 10 else "mid" if x > 3 else "small")
