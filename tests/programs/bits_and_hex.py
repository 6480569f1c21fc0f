n = 0b1011_0110
print(n, bin(n), hex(n), oct(n), n & 0xF, n | 0x100, n ^ 0xFF, ~n, n << 3, n >> 2)
print(bin(-5), hex(-255), format(255, "x"), format(255, "#010b"), f"{n:08b}", f"{n:#x}")
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, [b for b in range(8) if flags & (1 << b)], bin(flags).count("1"))
print(int("1011", 2), int("ff", 16), int("777", 8), int("z", 36))
def popcount(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c
print([popcount(i) for i in range(16)])
print(-17 >> 2, -17 // 4, 17 & -17, (1 << 64) - 1 == 2 ** 64 - 1)
