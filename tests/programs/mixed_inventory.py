# A realistic mix: order processing with exceptions, closures over dicts, comprehensions, tuple keys.
inventory = {"apple": 3, "banana": 0, "cherry": 12}
orders = [("apple", 2), ("banana", 1), ("durian", 1), ("cherry", 5), ("apple", 2)]


def fulfil(order_list, stock):
    shipped, failed = [], []
    for name, qty in order_list:
        try:
            available = stock[name]
            if available < qty:
                raise ValueError(f"only {available} {name} left")
            stock[name] = available - qty
            shipped.append(name)
        except KeyError:
            failed.append((name, "unknown"))
        except ValueError as err:
            failed.append((name, str(err)))
    return shipped, failed


done, problems = fulfil(orders, inventory)
print(done)
for name, why in problems:
    print(f"{name:>8}: {why}")
print(sorted(inventory.items()), sum(inventory.values()))


def make_counter():
    counts = {}
    def add(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    def top(n):
        ranked = sorted(counts.items(), key=None) if False else sorted([(-c, w) for w, c in counts.items()])
        return [(w, -c) for c, w in ranked[:n]]
    return add, top


add, top = make_counter()
for w in "the cat and the hat and the bat".split():
    add(w)
print(top(2))
matrix = [[i * j for j in range(4)] for i in range(3)]
print(matrix, [row[-1] for row in matrix], [sum(r) for r in matrix])
fib = [0, 1]
while len(fib) < 15:
    fib.append(fib[-1] + fib[-2])
print(fib[-5:], fib[::3], 2 ** 100 // fib[-1], -7 // 2, round(2.5) if False else int(2.5))
text = "Hello World"
print(text.lower().count("o"), text[::-1], text.split()[1][0], "-".join([str(n) for n in range(3)]))
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(2, 1)], len(grid), (1, 1) in grid, max(grid.values()), min(grid, key=None) if False else min(grid))
