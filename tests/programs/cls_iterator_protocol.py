class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
for x in Countdown(3):
    print("tick", x)

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i * 2
            i += 1
    def __contains__(self, x):
        return x % 2 == 0 and 0 <= x < 2 * self.n
    def __len__(self):
        return self.n

r = Range2(4)
print(list(r), 4 in r, 5 in r, len(r), sum(r))
print(sorted(Countdown(4)), list(zip(Countdown(3), r)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
