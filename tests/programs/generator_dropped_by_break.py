# A generator made in a for statement and left by break is closed at once (its finally runs
# before the next statement), as CPython does when the last reference goes; one held by a
# name is not.
def numbers(label):
    try:
        for i in range(10):
            yield i
    finally:
        print("cleanup", label)


for n in numbers("a"):
    if n == 2:
        break
print("after a")

for outer in range(2):
    for n in numbers(f"inner {outer}"):
        break
    print("outer", outer)

kept = numbers("kept")
for n in kept:
    if n == 1:
        break
print("after kept", next(kept))


def first_even(values):
    for v in values:
        if v % 2 == 0:
            return v
    return None


print(first_even([1, 3, 4, 5]))


def pairs():
    try:
        yield from numbers("inner of pairs")
    finally:
        print("cleanup pairs")


for p in pairs():
    break
print("after pairs")

for n in numbers("exhausted"):
    pass
print("done")
kept.close()
print("end")
