moves = []

def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src)

hanoi(4, "A", "C", "B")
print(len(moves))
for m in moves[:5]:
    print("move disk %d from %s to %s" % m)
pegs = {"A": list(range(6, 0, -1)), "B": [], "C": []}
moves.clear()
hanoi(6, "A", "C", "B")
for n, s, d in moves:
    disk = pegs[s].pop()
    assert disk == n
    assert not pegs[d] or pegs[d][-1] > disk
    pegs[d].append(disk)
print(pegs, len(moves))
