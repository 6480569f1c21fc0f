def pair(a, b, c=3):
    return a, b, c


print(pair(1, 2))
pair(1)
