def find(xs, target):
    i = 0
    while i < len(xs):
        if xs[i] == target:
            print("found at", i)
            break
        i += 1
    else:
        print("not found")

find([1, 2, 3], 2)
find([1, 2, 3], 5)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
count = 0
while True:
    count += 1
    if count % 2:
        continue
    if count > 8:
        break
    print("even", count)
