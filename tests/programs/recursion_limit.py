# sys.getrecursionlimit/setrecursionlimit: the limit, its checks, and recursion with a raised or lowered limit.
import sys
try:
    sys.setrecursionlimit(2)
except RecursionError as e:
    print(e)
def g():
    try:
        sys.setrecursionlimit(3)
    except RecursionError as e:
        print(e)
g()
def h(n):
    if n == 0:
        try:
            sys.setrecursionlimit(4)
        except RecursionError as e:
            print(e)
        return
    h(n - 1)
h(5)
sys.setrecursionlimit(10)
def d(n):
    return n if n == 0 else d(n - 1)
for n in range(12):
    try:
        d(n)
    except RecursionError:
        print("fails at", n)
        break

print(sys.getrecursionlimit())
sys.setrecursionlimit(20000)
print(sys.getrecursionlimit(), d(15000))


def count_down(n):
    total = 0
    for i in range(n):
        total += i
    return total if n == 0 else total + count_down(n - 1) - total


print(count_down(12000))
for bad in [0, -5, 2.5, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(100)


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)
print(sys.getrecursionlimit())
