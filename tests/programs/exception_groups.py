# ExceptionGroup and BaseExceptionGroup: construction and its checks, split/subgroup/derive,
# and except* clauses: naked exceptions wrapped, the rest re-raised, new exceptions grouped.
eg = ExceptionGroup("many", [ValueError(1), TypeError("t"), ExceptionGroup("inner", [ValueError(2), KeyError("k")])])
print(eg)
print(repr(eg))
print(eg.message, eg.exceptions)
print(type(eg).__mro__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
print(repr(eg.split((TypeError, KeyError))))
b = BaseExceptionGroup("b", [ValueError(3)])
print(type(b).__name__)
b2 = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(b2).__name__, repr(b2))
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup("x", [1]),
            lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: ExceptionGroup("x", ValueError()),
            lambda: eg.split(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

def f(exc):
    try:
        raise exc
    except* ValueError as e:
        print("VE", repr(e))
    except* (TypeError, KeyError) as e:
        print("TE/KE", repr(e))
    print("after")

f(ValueError("naked"))
f(eg)
try:
    f(OSError("other"))
except OSError as e:
    print("escaped naked", repr(e))
try:
    f(ExceptionGroup("g", [OSError(1), ValueError(2)]))
except ExceptionGroup as e:
    print("escaped group", repr(e))

def g():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError as e:
        raise RuntimeError("new") from None

try:
    g()
except BaseExceptionGroup as e:
    print(repr(e), [repr(x) for x in e.exceptions])
    print(repr(e.exceptions[1].__context__) if len(e.exceptions) > 1 else None)

def h():
    try:
        raise ValueError(5)
    except* ValueError as e:
        raise KeyError("x")
try:
    h()
except KeyError as e:
    print("naked reraise", repr(e), repr(e.__context__))

def k():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e:
        raise e
try:
    k()
except ExceptionGroup as e:
    print("raise e", repr(e))

def m2():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("else ran")
    finally:
        print("finally ran")
m2()
try:
    try:
        raise ValueError(1)
    except* Exception as e:
        print("except* Exception", repr(e))
        raise
except ExceptionGroup as e:
    print("outer", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
import sys
try:
    raise ExceptionGroup("x", [ValueError(1)])
except* ValueError:
    print("in handler")
class MyEG(ExceptionGroup):
    pass
me = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(me), repr(me.split(ValueError)))
print(repr(ExceptionGroup("x", (ValueError(1),))))
deep = ValueError("leaf")
for _ in range(5000):
    deep = ExceptionGroup("level", [deep])
try:
    deep.split(ValueError)
except RecursionError as e:
    print("deep split:", e)
try:
    repr(deep)
except RecursionError as e:
    print("deep repr:", e)
