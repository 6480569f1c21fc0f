values = [4.0, 2.0, 0.0]
for v in values:
    print(10 / v)
