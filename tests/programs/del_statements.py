x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)
class Obj:
    pass
o = Obj()
o.a = 1
o.b = 2
del o.a
print(vars(o), hasattr(o, "a"))
def local_del():
    y = 10
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
a, b = 1, 2
del a, b
print("a" in dir(), "b" in globals() if False else "skip")
