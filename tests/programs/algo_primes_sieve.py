def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    p = 2
    while p * p <= n:
        if flags[p]:
            for m in range(p * p, n + 1, p):
                flags[m] = False
        p += 1
    return [i for i, f in enumerate(flags) if f]

ps = sieve(200)
print(len(ps), ps[:10], ps[-3:])
print(sum(ps), max(ps), min(ps))
twins = [(a, b) for a, b in zip(ps, ps[1:]) if b - a == 2]
print(twins[:6])
