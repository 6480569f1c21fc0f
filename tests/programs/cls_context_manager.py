class Timer:
    depth = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Timer.depth += 1
        print("  " * Timer.depth + "enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("  " * Timer.depth + "exit", self.name, exc_type.__name__ if exc_type else None)
        Timer.depth -= 1
        return exc_type is KeyError

with Timer("outer") as t:
    print("inside", t.name)
    with Timer("inner"):
        print("deep")
with Timer("swallow"):
    raise KeyError("hidden")
print("after swallow")
try:
    with Timer("propagate"):
        raise ValueError("shown")
except ValueError as e:
    print("caught", e)

class Resource:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("open")
        return self.log
    def __exit__(self, *args):
        self.log.append("close")

r = Resource()
def use():
    with r as log:
        log.append("use")
        return "returned"
print(use(), r.log)
