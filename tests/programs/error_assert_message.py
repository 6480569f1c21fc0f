def check(n):
    assert n >= 0, f"negative: {n}"
    return n


print(check(3))
check(-2)
