# `f()[k] op= v` where the operator runs Python code that makes enough garbage for a
# collection: the container, held only by the expression, must survive it.
class Heavy:
    def __init__(self, n):
        self.n = n

    def __iadd__(self, other):
        junk = [[i] for i in range(100000)]
        return Heavy(self.n + other + len(junk) - 100000)

    def __repr__(self):
        return f"Heavy({self.n})"


def fresh():
    return {"k": Heavy(1), "other": [1, 2, 3]}


def grow(step):
    d = fresh()
    d["k"] += int(step)
    return d


print(grow(5))
holder = [fresh()]
for step in range(3):
    holder[-1]["k"] += step
print(holder)


def chained(step):
    box = [fresh()]
    box.pop()["k"] += int(step)
    return "survived"


print(chained(2))
