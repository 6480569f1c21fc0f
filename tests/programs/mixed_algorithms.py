# A realistic mix: sorting by swaps, a sieve, bracket matching, setdefault, identity vs equality.
def bubble(items):
    data = list(items)
    n = len(data)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if data[j] > data[j + 1]:
                data[j], data[j + 1] = data[j + 1], data[j]
                swapped = True
        if not swapped:
            break
    return data


print(bubble([5, 2, 9, 1, 5, 6]), bubble([]), bubble(["b", "a"]))


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for k in range(i * i, limit + 1, i):
                sieve[k] = False
    return [i for i, p in enumerate(sieve) if p]


print(primes(50))
stack = []
for ch in "(a[b]{c})":
    if ch in "([{":
        stack.append(ch)
    elif ch in ")]}":
        opener = stack.pop()
        print(opener + ch, end=" ")
print()
words = {}
for w in "one two three two one two".split():
    words.setdefault(w, []).append(len(w))
print(words)
total = 0
i = 10
while i:
    i -= 1
    if i % 2:
        continue
    total += i
print(total, i)
a = b = [1]
b.append(2)
print(a is b, a == [1, 2], a != b, [1, 2] < [1, 3], (1, "a") < (1, "b"), [[]] == [[]])
print(f"{3.14159:.2f}|{42:5d}|{'x':^5}|{1e-7}|{123456789012345678901234567890}")
