import inspect, types, functools, asyncio
async def co(): pass
async def ag(): yield
def gen(): yield
class A:
    async def m(self): pass
    def n(self):
        """Doc line.

            indented
        """
for f in (co, ag, gen, A().m, A.n, functools.partial(co), len, A, inspect):
    print(inspect.iscoroutinefunction(f), inspect.isasyncgenfunction(f), inspect.isgeneratorfunction(f),
          inspect.isfunction(f), inspect.ismethod(f), inspect.isbuiltin(f), inspect.isclass(f), inspect.ismodule(f), inspect.isroutine(f))
c = co()
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isawaitable(1), inspect.isgenerator(gen()), inspect.isasyncgen(ag()))
c.close()
print(inspect.getdoc(A.n))
print([n for n, _ in inspect.getmembers(A, inspect.isfunction)])
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns.a)
class P(types.SimpleNamespace): pass
print(P(z=2))
print(types.FunctionType, types.CoroutineType, types.GeneratorType, types.MethodType, types.ModuleType)
print(asyncio.iscoroutine(gen()), asyncio.iscoroutinefunction(functools.partial(co)))
print(inspect.getmro(bool))
