class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __mul__(self, k):
        return Matrix([[a * k for a in r] for r in self.rows])

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"

m = Matrix([[1, 2], [3, 4]])
print(m + m)
print(m * 3, 2 * m)
print(m.shape, m[1, 0])
print(m == Matrix([[1, 2], [3, 4]]), m == [[1, 2], [3, 4]])
