import math, random
r = random.Random(9)
for i in range(1500):
    n = r.randint(0, 6)
    e = r.choice([-320, -300, -20, 0, 5, 100, 300])
    v = [r.uniform(-1, 1) * 10.0 ** (e + r.randint(-3, 3)) for _ in range(n)]
    try:
        print(math.hypot(*v))
    except OverflowError as ex:
        print("overflow", ex)
    p = [r.uniform(-50, 50) for _ in range(n)]
    q = [r.randint(-50, 50) for _ in range(n)]
    print(math.dist(p, q), math.dist(tuple(q), p))
print(math.hypot(3, 4), math.hypot(), math.hypot(-2), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(5e-324, 5e-324), math.hypot(1e308, 1e308))
try:
    math.dist([1], [1, 2])
except ValueError as ex:
    print(ex)
