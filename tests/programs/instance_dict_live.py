class Config:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
        self.ready = True
    def describe(self):
        return f"{self.host}:{self.port}"

c = Config(host="localhost", port=8080)
print(c.host, c.port, c.ready, c.describe(), vars(c))
c.__dict__["extra"] = 1
print(c.extra, hasattr(c, "extra"), "extra" in c.__dict__, c.__dict__ is vars(c))
del c.extra
print(vars(c), hasattr(c, "extra"))
c.port = 9090
print(c.__dict__["port"], sorted(k for k in dir(c) if not k.startswith("_")))
try:
    c.missing
except AttributeError as e:
    print(e)
try:
    del c.missing
except AttributeError as e:
    print(e)
other = Config(host="h", port=1)
print(other.describe(), vars(other), c.describe())

class Typed:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, typ=None):
        return obj.__dict__.get(self.name, "unset") if obj else self
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2

class Holder:
    value = Typed()
h = Holder()
print(h.value)
h.value = 21
print(h.value, h.__dict__)

class Plain:
    def __init__(self):
        self.a = 1
p = Plain()
d = p.__dict__
d["b"] = 2
p.c = 3
print(p.b, d, p.__dict__ == {"a": 1, "b": 2, "c": 3})
import json
print(json.dumps(vars(p)), isinstance(vars(p), dict), type(vars(p)).__name__)
