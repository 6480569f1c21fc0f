data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
chunks = []
it = iter(data)
while (chunk := [x for _, x in zip(range(2), it)]):
    chunks.append(chunk)
print(chunks)
print([y for x in data if (y := x * 2) > 6])
total = 0
for i, v in enumerate(data):
    if v % 2:
        continue
    total += v * i
print(total)
nums = list(range(1, 21))
print([n for n in nums if all(n % d for d in range(2, int(n ** 0.5) + 1)) and n > 1])
