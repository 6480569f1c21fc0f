def numbers():
    yield 1
    yield 2
    raise ValueError("generator broke")

total = 0
try:
    for n in numbers():
        total += n
except ValueError as e:
    print("caught", e, "after", total)

def bad_gen():
    yield 1
    return 1 / 0

for x in bad_gen():
    print("got", x)
