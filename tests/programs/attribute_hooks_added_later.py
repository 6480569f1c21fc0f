# Attribute hooks (properties, __setattr__, __getattr__) that appear after plain instances were
# used: reads and writes must start going through them.
class Plain:
    def __init__(self):
        self.x = 1


p = Plain()
print(p.x)
p.x = 2
print(p.x, vars(p))


def get_x(self):
    return "property wins"


Plain.x = property(get_x)
print(p.x)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)


class Logged:
    def __init__(self):
        self.a = 1


q = Logged()
print(q.a)


def logging_setattr(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


Logged.__setattr__ = logging_setattr
q.a = 5
q.b = 6
print(q.a, q.b)


class Late(Logged):
    def __getattr__(self, name):
        return "missing " + name


r = Late()
print(r.nothing, r.a)
