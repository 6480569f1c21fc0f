class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.k

double = Multiplier(2)
print(double(5), list(map(double, [1, 2, 3])), double.calls, callable(double))

class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values, scale=1):
        self.total += sum(values) * scale
        return self
acc = Accumulator()
acc(1, 2)(3, scale=10)
print(acc.total)
print(sorted([3, -1, 2], key=Multiplier(-1)))
