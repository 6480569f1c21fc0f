class Plugin:
    registry = {}

    def __init_subclass_hook(cls):
        pass

    @classmethod
    def register(cls, name):
        def deco(sub):
            cls.registry[name] = sub
            sub.plugin_name = name
            return sub
        return deco

    @classmethod
    def create(cls, name, *args):
        return cls.registry[name](*args)

@Plugin.register("upper")
class Upper(Plugin):
    def run(self, s):
        return s.upper()

@Plugin.register("repeat")
class Repeat(Plugin):
    def __init__(self, n=2):
        self.n = n
    def run(self, s):
        return s * self.n

print(sorted(Plugin.registry))
print(Plugin.create("upper").run("abc"), Plugin.create("repeat", 3).run("ab"))
print(Upper.plugin_name, Repeat().run("x"), type(Plugin.create("upper")).__name__)
try:
    Plugin.create("missing")
except KeyError as e:
    print("no plugin", e)
