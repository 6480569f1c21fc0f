# if/elif/else, while/else, for/else with break and continue, ranges, nested loops.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"


for v in range(-2, 4):
    print(v, classify(v))

total = 0
i = 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i > 8:
        break
    total += i
else:
    print("while finished without break")
print("total", total, "i", i)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

count = 0
for k in range(10, 0, -3):
    count += k
print(count, len(range(0, 10, 3)), len(range(5, 0)), 3 in range(0, 10, 3), 4 in range(0, 10, 3))
for ch in "hey":
    print(ch)
for item in [1, "two", 3.0, None, True]:
    print(item)
for item in (1, 2):
    print(item * 10)
