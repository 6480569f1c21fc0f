def factorize(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out

def divisors(n):
    small = [d for d in range(1, int(n ** 0.5) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))

def is_perfect(n):
    return n > 1 and sum(divisors(n)) - n == n

print({n: factorize(n) for n in [12, 97, 360, 1001, 2 ** 10, 999983 * 2]})
print(divisors(36), [n for n in range(2, 10000) if is_perfect(n)])
print(pow(7, -1, 13) if False else 2, [x for x in range(1, 13) if (7 * x) % 13 == 1])
def digits_sum(n):
    return sum(map(int, str(n)))
print(digits_sum(2 ** 100), max(range(1, 1000), key=digits_sum))
