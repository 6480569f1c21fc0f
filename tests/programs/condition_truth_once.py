class B:
    def __init__(self, v, n): self.v, self.n = v, n
    def __bool__(self):
        print("bool", self.n)
        return self.v
if B(True, 1) or B(False, 2):
    print("yes")
if B(False, 1) and B(True, 2):
    print("no")
while B(False, 3) or B(False, 4):
    pass
x = B(True, 5) or B(False, 6)
print(x.n)
print(1 if (B(False, 7) or B(True, 8)) else 2)
if not (B(True, 9) and B(False, 10)):
    print("not")
assert B(False, 11) or B(True, 12)
print([i for i in range(6) if i % 2 and not i == 3 or i == 4])
n = 0
while n < 5 and not (n == 3 or B(False, 13)):
    n += 1
print(n)
try:
    assert B(False, 14) and B(True, 15), "failed"
except AssertionError as e:
    print("assert", e)
