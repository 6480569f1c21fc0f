# f-strings with conversions and format specs, str(), repr(), len().
name = "Baton"
pi = 3.14159265
n = 1234567
print(f"{name} {name!r} {len(name)} {name:>8}|{name:<8}|{name:^9}|{name:*^9}")
print(f"{pi:.2f} {pi:10.3f}| {pi:e} {pi:.3g} {pi:%} {-pi:+.1f} {pi:08.3f}")
print(f"{n:,} {n:_} {n:x} {n:#o} {n:b} {n:>12,} {-n:012d} {255:#X}")
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {2.675:.2f} {1e21:.1f} {0.000123:g}")
print(f"{'a' + 'b'} {2 * 3 + 1} {pi if n > 0 else 0:.1f} {True} {None} {n / 7:.4f}")
print(repr("it's"), repr('say "hi"'), repr("tab\there"), str(3.0), repr(1e22), str(-0.5))
print("con" + "cat", "abc" < "abd", "b" in "abc", "z" not in "abc", "" or "empty")
width = 6
print(f"[{n:>{width}}] [{pi:{width}.{2}f}]")
