class A:
    def __init__(self):
        print("A init")
        self.trail = ["A"]
    def who(self):
        return "A"

class B(A):
    def __init__(self):
        print("B init")
        super().__init__()
        self.trail.append("B")
    def who(self):
        return "B>" + super().who()

class C(A):
    def __init__(self):
        print("C init")
        super().__init__()
        self.trail.append("C")
    def who(self):
        return "C>" + super().who()

class D(B, C):
    def __init__(self):
        print("D init")
        super().__init__()
        self.trail.append("D")
    def who(self):
        return "D>" + super().who()

d = D()
print(d.trail, d.who(), [k.__name__ for k in D.__mro__])
print(super(B, d).who(), super(C, d).who())
