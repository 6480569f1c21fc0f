import random
random.seed(12345)
print(random.random(), random.uniform(1, 3), random.randint(1, 100), random.randrange(0, 50, 5), random.choice([1, 2, 3]))
print(random.choices(["a", "b", "c"], weights=[1, 2, 3], k=5), random.sample(range(20), 4), round(random.gauss(0, 1), 10), round(random.expovariate(2), 10))
l = list(range(8)); random.shuffle(l); print(l, random.getrandbits(16), round(random.triangular(0, 10, 3), 10), round(random.betavariate(2, 3), 10))
r = random.Random(7); print(r.random(), r.randint(0, 9))
random.seed("text seed"); print(random.random())
random.seed(3.5) if False else None
print(random.choices(range(10), k=3), round(random.normalvariate(5, 2), 10), round(random.lognormvariate(0, 1), 10), round(random.paretovariate(3), 10), round(random.weibullvariate(1, 2), 10), round(random.gammavariate(0.5, 1), 10))
random.seed(b"bytes"); print(random.random()); random.seed("") ; print(random.randint(0, 10**6)); random.seed("x" * 200); print(random.random())
