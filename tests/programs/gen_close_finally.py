def resource():
    print("open")
    try:
        for i in range(10):
            yield i
    finally:
        print("closed")

g = resource()
print(next(g), next(g))
g.close()
print("after close")
g2 = resource()
for x in g2:
    if x == 2:
        break
g2.close()
print("loop done")

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise

g = ignore_exit()
next(g)
g.close()
print(list(resource())[-1])
