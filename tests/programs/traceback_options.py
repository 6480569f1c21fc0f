import traceback, sys


class Capture:
    # Collects what is written, shown without the directories of this file (they differ
    # between machines).
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def show(self):
        print("".join(self.parts).replace(__file__, "FILE"), end="")
        print("---")
        self.parts.clear()


def a():
    b()
def b():
    c()
def c():
    raise KeyError("deep")


out = Capture()
try:
    try:
        a()
    except KeyError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    traceback.print_exc(limit=1, file=out)
    out.show()
    traceback.print_exc(chain=False, file=out)
    out.show()
    traceback.print_exception(e, limit=-1, file=out)
    out.show()
    out.write(traceback.format_exc(2))
    out.show()
    traceback.print_exc(None, out)
    out.show()
    parts = traceback.format_exception(e)
    print(len(parts), len(traceback.format_exception(e, chain=False)))
    for p in parts:
        print(repr(p.replace(__file__, "FILE")))
try:
    traceback.print_exc(colour=True)
except TypeError as e:
    print(e)
print(__file__.endswith("traceback_options.py"), __name__)
