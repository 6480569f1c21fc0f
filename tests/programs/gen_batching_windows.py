def batched(iterable, n):
    batch = []
    for x in iterable:
        batch.append(x)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)

def windows(seq, k):
    for i in range(len(seq) - k + 1):
        yield seq[i:i + k]

def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x

print(list(batched(range(10), 3)), list(batched([], 2)))
print(list(windows("abcdef", 3)), list(windows([1, 2], 3)))
print(list(pairwise([1, 4, 9, 16])), [b - a for a, b in pairwise([1, 4, 9, 16])])
print(max(windows([3, 1, 4, 1, 5, 9, 2, 6], 3), key=sum))
