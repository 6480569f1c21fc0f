a = 2 ** 100
b = 3 ** 60
print(a, b, a * b, a // b, a % b, -a // 7, -a % 7)
print(a > b, a == 2 ** 100, hash(2 ** 10) == hash(1024), abs(-a))
print(a.bit_length() if hasattr(a, "bit_length") else 101, (a + 1) & 0xFF, a | 1, a ^ a, a >> 90, 1 << 70)
print(str(a)[:10], len(str(b)), int(str(a)) == a, 10 ** 30 // 10 ** 28)
print(divmod(a, 12345), pow(3, 200, 10 ** 9 + 7), -(2 ** 64) // 3)
fact = 1
for i in range(1, 31):
    fact *= i
print(fact, fact % 1000003, sum(int(d) for d in str(fact)))
print(float(2 ** 60), 2 ** 60 / 3, round(2 ** 70 / 7))
