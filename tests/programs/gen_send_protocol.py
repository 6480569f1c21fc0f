def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return count

a = averager()
print(next(a))
for v in [10, 20, 30, 5]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("done", e.value)

def echo():
    try:
        while True:
            got = yield
            print("got", got)
    finally:
        print("closing")

e = echo()
next(e)
e.send(1)
e.send("two")
e.close()
print("after close")
