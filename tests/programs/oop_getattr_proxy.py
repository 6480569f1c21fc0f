class Recorder:
    def __init__(self, target):
        self._target = target
        self.calls = []

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*args):
                self.calls.append(name)
                return attr(*args)
            return wrapped
        return attr

r = Recorder([3, 1, 2])
r.append(5)
r.sort()
print(r._target, r.calls, r.count(1))
try:
    r.nope
except AttributeError as e:
    print("AttributeError:", e)

class Defaults:
    color = "red"
    def __getattr__(self, name):
        return f"<default {name}>"

d = Defaults()
d.size = 3
print(d.color, d.size, d.shape)
