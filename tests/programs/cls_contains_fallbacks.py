class A:
    def __iter__(self):
        print("iter called")
        yield 1
        yield 2
print(2 in A(), 3 in A())
class B:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(3 in B(), 5 in B())
class C: pass
try:
    1 in C()
except TypeError as e:
    print(e)
