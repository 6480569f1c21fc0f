# Augmented assignment to items: what is evaluated, looked up and stored, in which order.
class Box:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, key):
        print("get", key)
        return self.items[key]

    def __setitem__(self, key, value):
        print("set", key, value)
        self.items[key] = value


class Acc:
    def __init__(self, n):
        self.n = n

    def __iadd__(self, other):
        print("iadd", self.n, other)
        self.n += other
        return self

    def __repr__(self):
        return f"Acc({self.n})"


def key(k):
    print("key", k)
    return k


def value(v):
    print("value", v)
    return v


b = Box([1, 2, Acc(3)])
b[key(0)] += value(10)
b[1] *= 5
b[key(2)] += value(4)
print(b.items)

nums = [1.5, 2.5, 3.5]
for i in range(3):
    nums[i] -= 0.5 * i
    nums[-1] += i
print(nums)

lists = [[1], [2]]
alias = lists[0]
lists[0] += [9]
print(lists, alias is lists[0])

d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 0) + 1
print(d)

try:
    nums[5] += 1
except IndexError as e:
    print("IndexError:", e)

try:
    d["zz"] -= 1
except KeyError as e:
    print("KeyError:", e)

t = (1, 2)
try:
    t[0] += 1
except TypeError as e:
    print("TypeError:", e)

grid = [[0] * 3 for _ in range(3)]
for r in range(3):
    for c in range(3):
        grid[r][c] += r * 3 + c
print(grid)

s = [1, 2, 3]
s[0] += "x" if False else 1
try:
    s[1] += "x"
except TypeError as e:
    print("TypeError:", e)
print(s)
