# The math module and assert.
import math

print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.pi, math.e)
print(math.isqrt(17), math.gcd(12, 18), math.hypot(3, 4), math.log(math.e), math.log(8, 2))
print(f"{math.sin(math.pi / 2):.3f} {math.cos(0):.1f} {math.exp(1):.5f} {math.fabs(-3)}")
print(math.pow(2, 10), math.isclose(0.1 + 0.2, 0.3), math.inf > 10 ** 100)
assert 1 + 1 == 2, "arithmetic"
assert math.sqrt(4) == 2
try:
    assert len([]) > 0, "list is empty"
except AssertionError as e:
    print("caught:", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
assert False
