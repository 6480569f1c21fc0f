def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def lcm(a, b):
    return a // gcd(a, b) * b

pairs = [(12, 18), (17, 5), (0, 9), (-24, 36), (2**40, 2**35 * 3)]
for a, b in pairs:
    print(a, b, gcd(a, b), lcm(a, b) if a and b else 0)

from math import gcd as mgcd
print(all(gcd(a, b) == mgcd(a, b) for a, b in pairs))
