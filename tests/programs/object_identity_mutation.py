def add_item(lst, item):
    lst.append(item)
    return lst

original = [1]
result = add_item(original, 2)
print(original, result, original is result)

def rebind(lst):
    lst = lst + [99]
    return lst
r2 = rebind(original)
print(original, r2)

grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
t = ([1], 2)
t[0].append(3)
print(t)
try:
    t[1] = 5
except TypeError as e:
    print("TypeError:", e)
a = b = {}
a["k"] = 1
print(b, a is b)
