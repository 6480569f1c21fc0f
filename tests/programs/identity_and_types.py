a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
print(type(1) is int, type(True) is bool, type(1.0) == float, type("s") in (str, bytes))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)))
print(type(None).__name__, type(len).__name__, type(lambda: 0).__name__, type(print).__name__)
print(type([]).__name__, type(()).__name__, type({}).__name__, type(set()).__name__, type(range(1)).__name__)
x = None
print(x is None, x == None, x is not None, None is None)
def f(): pass
print(f() is None, callable(f), type(f).__name__, f.__name__)
print(type(type), type(int), isinstance(int, type), issubclass(int, object))
