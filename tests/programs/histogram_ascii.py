data = [3, 7, 1, 9, 4, 4, 6, 2, 8, 5, 5, 5]
bins = {}
for x in data:
    b = (x - 1) // 3
    bins[b] = bins.get(b, 0) + 1
for b in sorted(bins):
    lo, hi = b * 3 + 1, b * 3 + 3
    print(f"{lo:>2}-{hi:<2} | {'*' * bins[b]:<6} {bins[b]}")
peak = max(data)
for level in range(peak, 0, -2):
    print("".join("#" if v >= level else " " for v in data))
print("-" * len(data))
