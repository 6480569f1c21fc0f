# Docstrings: functions', classes' (every class namespace has __doc__), and what is not one.
def f():
    "fdoc"
class A:
    """adoc"""
    def m(self):
        "mdoc"
class B:
    x = 1
print(f.__doc__, A.__doc__, A.m.__doc__, A().m.__doc__)
def g(): pass
print(g.__doc__, B.__doc__, B().__doc__, '__doc__' in B.__dict__)
async def co():
    """codoc"""
print(co.__doc__)
lam = lambda: "x"
print(lam.__doc__)
def h():
    f"not {1}"
print(h.__doc__)
class C(A):
    pass
print(C.__doc__)
