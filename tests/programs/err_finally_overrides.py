def f():
    try:
        raise ValueError("first")
    finally:
        print("cleanup")

try:
    f()
except ValueError as e:
    print("got", e)

def g():
    try:
        return 1
    finally:
        print("g finally")

print(g())
def h():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
h()
