class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating", cls.__name__)
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value=None):
        print("init with", value)
        self.value = value

a = Singleton(1)
b = Singleton(value=2)
print(a is b, a.value, type(a).__name__)

class Sub(Singleton):
    _instance = None
c = Sub(3)
print(c is a, isinstance(c, Singleton), c.value)

class Pos:
    def __new__(cls, x):
        if x < 0:
            return None
        obj = object.__new__(cls)
        obj.made = True
        return obj
print(Pos(-1), Pos(2).made)

class NoInit:
    def __new__(cls, a, b):
        inst = super().__new__(cls)
        inst.total = a + b
        return inst
print(NoInit(2, 3).total)

class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")
print(Other())

class Bad:
    def __new__(cls, x):
        return super().__new__(cls, x)
try:
    Bad(1)
except TypeError as e:
    print(e)

class Plain:
    pass
try:
    object.__new__(Plain, 1)
except TypeError as e:
    print(e)
print(type(object.__new__(Plain)).__name__)
try:
    object.__new__(5)
except TypeError as e:
    print(e)

class InitReturns:
    def __new__(cls):
        return super().__new__(cls)
    def __init__(self):
        return 1
try:
    InitReturns()
except TypeError as e:
    print(e)

class Err(Exception):
    def __new__(cls, *args):
        print("Err new", args)
        return super().__new__(cls, *args)
e = Err("boom", 1)
print(repr(e), e.args)
print(Singleton.__new__ is Singleton.__dict__["__new__"], type(Singleton.__dict__["__new__"]).__name__)

class Late:
    pass
def late_new(cls):
    print("late new")
    return object.__new__(cls)
Late.__new__ = late_new
Late()
print(BaseException.__mro__, KeyError.__mro__, isinstance(ValueError(), object), BaseException.__bases__)
e = ValueError("x"); e.code = 5; print(e.code, e == e, e != ValueError("x"), hash(e) == hash(e), str(e), repr(e))
class E(Exception):
    def __init__(self, m):
        super().__init__(m)
        self.m = m
print(E("q").m, E.__mro__)
