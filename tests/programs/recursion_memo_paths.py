def grid_paths(r, c, memo=None):
    if memo is None:
        memo = {}
    if r == 0 or c == 0:
        return 1
    if (r, c) not in memo:
        memo[(r, c)] = grid_paths(r - 1, c, memo) + grid_paths(r, c - 1, memo)
    return memo[(r, c)]

print([grid_paths(n, n) for n in range(8)], grid_paths(16, 16))

def coin_change(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]

print(coin_change([1, 2, 5], 11), coin_change([2], 3), coin_change([1, 5, 10, 25, 50], 100))

def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

print(edit_distance("kitten", "sitting"), edit_distance("", "abc"), edit_distance("flaw", "lawn"))
