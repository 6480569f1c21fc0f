class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("creating", cls.__name__)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, value=0):
        self.value = value

a = Config(1)
b = Config(2)
print(a is b, a.value, type(Config).__name__, isinstance(Config, Singleton), type(a).__name__)

class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        cls.registered = True
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.tag = kw.get("tag")
    def __repr__(cls):
        return f"<registered {cls.__name__}>"
    def __len__(cls):
        return len(cls.__name__)
    def __iter__(cls):
        return iter(cls.__name__)
    def __getitem__(cls, i):
        return cls.__name__[i]
    def __contains__(cls, x):
        return x in cls.__name__
    def describe(cls):
        return f"class {cls.__name__}"
    @property
    def upper(cls):
        return cls.__name__.upper()

class Base(metaclass=Registry, tag="base"):
    pass
class Child(Base):
    pass
print(Registry.classes, Base.registered, Base.tag, Child.tag, repr(Base), Child)
print(len(Child), list(Base), Base[0], "as" in Base, Base.describe(), Child.upper, type(Child) is Registry)
print(isinstance(Child(), Base), Child.__mro__)
Dyn = Registry("Dyn", (Base,), {"x": 1})
print(Dyn, Dyn.x, Registry.classes)
try:
    class Bad(metaclass=Registry, tag=1, other=2):
        pass
except TypeError as e:
    print("TypeError", e)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
class Plain(metaclass=type):
    pass
print(type(Plain))
class Counted(type):
    count = 0
    def __call__(cls, *a, **k):
        Counted.count += 1
        return super().__call__(*a, **k)
class W(metaclass=Counted):
    def __init__(self, x):
        self.x = x
ws = [W(i) for i in range(3)]
print(Counted.count, [w.x for w in ws])
