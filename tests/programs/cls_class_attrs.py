class Counter:
    instances = []
    total = 0

    def __init__(self, name):
        self.name = name
        self.hits = 0
        Counter.instances.append(self)

    def hit(self, n=1):
        self.hits += n
        Counter.total += n
        return self.hits

a = Counter("a")
b = Counter("b")
a.hit()
a.hit(3)
b.hit(2)
print(a.hits, b.hits, Counter.total, len(Counter.instances))
a.total = 100
print(a.total, Counter.total, b.total)
del a.total
print(a.total)
print(hasattr(a, "hits"), hasattr(a, "misses"), getattr(a, "misses", 0))
setattr(b, "extra", [1, 2])
print(b.extra, vars(b))
print(sorted(k for k in vars(Counter) if not k.startswith("__")))
