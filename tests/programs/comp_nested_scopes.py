x = "global"
print([x for x in range(3)], x)
print({k: [v * k for v in range(3)] for k in range(1, 4)})
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([(a, b) for a in range(3) for b in range(a)])
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
factor = 3
print([factor * n for n in range(4)])
def scoped():
    base = 10
    return [base + n for n in range(3)], list(map(lambda n: base * n, range(3)))
print(scoped())
gen = (n * n for n in range(5))
print(sum(gen), sum(gen))
print([y for y in (z * 2 for z in range(5)) if y > 3])
print(any(c.isupper() for c in "abC"), all(len(w) > 2 for w in "the cat".split()))
