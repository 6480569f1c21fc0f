funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

def make_adders():
    adders = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders
print([a(10) for a in make_adders()])

def outer():
    value = 1
    def show():
        return value
    value = 2
    return show
print(outer()())

def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts
    return count
c = counter_factory()
c("a"); c("b")
print(c("a"))
