class Sl:
    __slots__ = ('a',)
s = Sl()
try:
    s.a
except AttributeError as e:
    print(e)
s.a = 1
print(s.a)
try:
    s.b = 2
except AttributeError as e:
    print(e)
class D(Sl):
    pass
d = D(); d.z = 1; print(d.z)
class E(Sl):
    __slots__ = ('b',)
e = E(); e.a = 1; e.b = 2
try:
    e.c = 3
except AttributeError as x:
    print(x)
class F:
    __slots__ = 'x'
f = F(); f.x = 1
try:
    f.y = 1
except AttributeError as x:
    print(x)
class G:
    __slots__ = ('x', '__dict__')
g = G(); g.q = 1; print(g.q)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
        self.private = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.name} must be {self.kind.__name__}')
        setattr(obj, self.private, value)

class Job:
    name = Typed(str)
    retries = Typed(int)
    def __init__(self, name, retries):
        self.name = name
        self.retries = retries

j = Job("fetch", 3)
print(j.name, j.retries, Job.name.name, Job.retries.private)
try:
    j.retries = "many"
except TypeError as e:
    print(e)

class Lazy:
    def __init__(self, func):
        self.func = func
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        setattr(obj, self.func.__name__, value)
        return value

class Report:
    calls = 0
    @Lazy
    def total(self):
        Report.calls += 1
        return 42
r = Report()
print(r.total, r.total, Report.calls, type(Report.total).__name__)

class ReadOnly:
    def __get__(self, obj, objtype=None):
        return "fixed"
    def __set__(self, obj, value):
        raise AttributeError("read-only")
class Holder:
    value = ReadOnly()
h = Holder()
try:
    h.value = 1
except AttributeError as e:
    print(e)
print(h.value)

class Tracked:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
    def method(self):
        return "method ran"
t = Tracked()
t.x = 5
print(t.x, t.secret_key, t.method(), t.other)
