def total(xs):
    s = 0
    for x in xs:
        if x % 2 == 0:
            continue
        s += x * x
    while s > 100:
        s //= 2
    return s
