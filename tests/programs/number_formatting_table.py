import math

print(f"{'n':>3} {'sqrt':>8} {'log':>8} {'exp':>12} {'bin':>8}")
for n in range(1, 11):
    print(f"{n:>3} {math.sqrt(n):>8.4f} {math.log(n):>8.4f} {math.exp(n):>12.2f} {n:>8b}")
print(math.pi, math.e, math.tau if hasattr(math, "tau") else "")
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(2.7) if hasattr(math, "trunc") else 2, round(-2.5), round(2.5), round(3.5))
print(math.gcd(12, 18), math.factorial(10), math.isqrt(99), math.hypot(3, 4), math.fabs(-2))
print(math.isclose(0.1 + 0.2, 0.3), math.inf > 10**100, math.isnan(math.nan), math.isinf(-math.inf))
print(f"{1/3:.10f} {2**0.5:.15g} {1e-5:g} {123456789:e}")
