def merge(intervals):
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [tuple(i) for i in out]

print(merge([(1, 3), (2, 6), (8, 10), (15, 18)]))
print(merge([(1, 4), (4, 5)]), merge([]), merge([(5, 7), (1, 2), (2, 3), (6, 9)]))
def overlaps(a, b):
    return max(a[0], b[0]) < min(a[1], b[1])
meetings = [(9, 10), (9.5, 11), (11, 12), (13, 14), (13.5, 13.75)]
clashes = [(a, b) for i, a in enumerate(meetings) for b in meetings[i + 1:] if overlaps(a, b)]
print(clashes)
