found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print(found)
result = []
for i in range(5):
    if i == 1:
        continue
    for j in range(3):
        if j == i:
            break
        result.append((i, j))
print(result)
n = 0
while n < 10:
    n += 1
    try:
        if n % 3 == 0:
            continue
        if n == 8:
            break
    finally:
        result.append(n)
print(result[-6:], n)
