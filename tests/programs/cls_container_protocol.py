class Grid:
    def __init__(self, w, h, fill=0):
        self.w, self.h = w, h
        self.cells = {}
        self.fill = fill
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{pos} outside grid")
        return self.cells.get(pos, self.fill)
    def __setitem__(self, pos, value):
        self.cells[pos] = value
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, pos):
        return pos in self.cells
    def __len__(self):
        return len(self.cells)
    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield self[x, y]

g = Grid(3, 2)
g[0, 0] = 5
g[2, 1] = 7
print(g[0, 0], g[1, 1], (2, 1) in g, (1, 1) in g, len(g), list(g), sum(g))
del g[0, 0]
print(len(g), bool(g), list(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), [x for x in Seq()])
