def collatz_len(n, cache={1: 1}):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length

best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best))
print([collatz_len(i) for i in range(1, 15)])
