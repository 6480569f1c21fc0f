def spiral(m):
    out = []
    while m:
        out.extend(m.pop(0))
        m = [list(row) for row in zip(*m)][::-1]
    return out

grid = [[r * 4 + c for c in range(4)] for r in range(3)]
print(grid)
print(spiral([row[:] for row in grid]))

def rotate(m):
    return [list(r) for r in zip(*m[::-1])]

print(rotate(grid))
print(rotate(rotate(rotate(rotate(grid)))) == grid)
identity = [[int(i == j) for j in range(3)] for i in range(3)]
for row in identity:
    print(" ".join(str(v) for v in row))
