import sys


class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return f"computed {name}"


def tag(cls):
    cls.tagged = True
    return cls


@tag
class Tagged:
    pass


obj = Lazy()
print(obj.real, obj.other, Tagged.tagged, [n for n in dir(Tagged()) if not n.startswith("__")])
print(sorted(vars(obj)), dir(obj)[-1])
sys.stdout.write("written\n")
print(len(sys.argv), sys.maxsize > 2 ** 32)
print(round(1e300) == 10 ** 300 or round(1e300) > 10 ** 299, int(-2.9), int(1e20))
for bad in (float("nan"), float("inf")):
    try:
        int(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print("to stderr", file=sys.stderr)
sys.exit("fatal: stopping")
