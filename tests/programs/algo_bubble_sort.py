def bubble(xs):
    xs = list(xs)
    n = len(xs)
    swaps = 0
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
    return xs, swaps

data = [5, 3, 9, 1, 1, 8, -2, 7]
print(bubble(data))
print(bubble([]))
print(bubble(["pear", "apple", "fig"]))
