def printer():
    while True:
        item = yield
        print("printer:", item)

def filt(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)

def mapper(fn, target):
    while True:
        item = yield
        target.send(fn(item))

p = printer()
next(p)
m = mapper(lambda x: x * x, p)
next(m)
f = filt(lambda x: x % 2 == 1, m)
next(f)
for i in range(6):
    f.send(i)
f.close()
print("done")

def counter():
    count = 0
    try:
        while True:
            yield count
            count += 1
    except GeneratorExit:
        print("counter stopped at", count)

c = counter()
print([next(c) for _ in range(3)])
c.close()
