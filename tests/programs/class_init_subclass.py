class A:
    pass
try:
    class B(A, x=1):
        pass
except TypeError as e:
    print(e)
class P:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        P.registry.append(cls.__name__)
class Q(P, tag="q"):
    pass
class R(Q):
    pass
print(P.registry, Q.tag, R.tag)
try:
    class S(P, bogus=1):
        pass
except TypeError as e:
    print(e)
class T(P):
    @classmethod
    def __init_subclass__(cls):
        print("T sub", cls.__name__)
class V(metaclass=type):
    pass
print(type(V), V.__name__)
class Plugin:
    plugins = {}
    def __init_subclass__(cls, /, name, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.plugins[name] = cls
class Echo(Plugin, name="echo"):
    def run(self, x):
        return x
class Upper(Plugin, name="upper"):
    def run(self, x):
        return x.upper()
print({k: v().run("hi") for k, v in Plugin.plugins.items()})
try:
    class Missing(Plugin):
        pass
except TypeError as e:
    print(type(e).__name__, e)
Dyn = type("Dyn", (Plugin,), {})
