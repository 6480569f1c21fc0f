class A:
    def __repr__(self):
        return "<" + object.__repr__(self) + repr(self)
try:
    repr(A())
except RecursionError as e:
    print("RecursionError", e)
class B:
    def __str__(self):
        return f"{self}"
try:
    str(B())
except RecursionError as e:
    print("RecursionError", e)
