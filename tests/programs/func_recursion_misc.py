def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print([ackermann(2, n) for n in range(5)])

def permutations(xs):
    if len(xs) <= 1:
        return [xs]
    out = []
    for i in range(len(xs)):
        for p in permutations(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out

print(len(permutations([1, 2, 3, 4])), permutations("abc"[:2]))

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]

print(sorted(power_set([1, 2, 3]), key=lambda x: (len(x), x)))

def depth(x):
    return 1 + max(map(depth, x), default=0) if isinstance(x, list) else 0

print(depth([1, [2, [3]], [[[]]]]))
