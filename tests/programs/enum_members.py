from enum import Enum, IntEnum, auto, unique, StrEnum
class C(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
    def describe(self): return self.name.lower()
print(repr(C.RED), str(C.RED), f'{C.RED}', format(C.RED), C(1), C['GREEN'], list(C), len(C), C.ALIAS is C.RED)
print(C.__members__)
print(C.RED in C, C.RED.describe(), hash(C.RED)==hash('RED'), C.RED == 1, C.RED.__class__)
try: C(5)
except ValueError as e: print(e)
try: C['X']
except KeyError as e: print(repr(e))
class P(IntEnum):
    LOW = 1
    HIGH = auto()
print(repr(P.HIGH), str(P.HIGH), f'{P.HIGH}', P.HIGH == 2, P.HIGH + 1, sorted([P.HIGH, P.LOW]), P(2), P.LOW < P.HIGH)
class S(StrEnum):
    A = auto()
    B = 'bee'
print(repr(S.A), str(S.A), S.B == 'bee', f'{S.B}', S.B.upper())
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value, repr(A), A, type(A))
try:
    class D(C): pass
except TypeError as e: print(e)
try:
    @unique
    class U(Enum):
        a = 1
        b = 1
except ValueError as e: print(e)
F = Enum('F', 'ONE TWO')
print(list(F), F.ONE.value)
print(C.RED.name, C.RED.value, C.RED._name_, C.RED._value_)
try: C.RED < C.GREEN
except TypeError as e: print(e)
try: C.RED = 3
except AttributeError as e: print(e)
print(type(C.RED).__name__, C.GREEN is C(2))
print({C.RED: 'r'}[C.RED], C._member_names_, isinstance(C.RED, C), isinstance(C.RED, Enum))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.mass, round(Planet.EARTH.gravity, 2), Planet((3.303e+23, 2.4397e6)))
class Status(Enum):
    PENDING = "pending"
    DONE = "done"
    @classmethod
    def parse(cls, s):
        return cls(s.lower())
print(Status.parse("DONE"), [s.value for s in Status], Status("pending") is Status.PENDING)
for member in reversed(C):
    print(member)
print(bool(C), C.RED.__class__.__name__, Planet.__name__)
