def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]

def transpose(m):
    return [list(row) for row in zip(*m)]

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b))
print(transpose(a))
ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(matmul(a, ident) == a)
m = [[2, 0], [0, 2]]
p = m
for _ in range(5):
    p = matmul(p, m)
print(p)
