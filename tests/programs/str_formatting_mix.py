items = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
print(f"{'name':<10}|{'qty':>5}|{'price':>8}")
for name, qty, price in items:
    print(f"{name:<10}|{qty:>5}|{price:>8.2f}")
total = sum(q * p for _, q, p in items)
print(f"total={total:.3f} avg={total / len(items):,.1f}")
print("%-8s|%5d|%8.2f" % items[0])
print("{0}-{1}-{0}".format("a", "b"), "{name} is {age}".format(name="x", age=3))
print("{:>6.1%}".format(0.1234), "{:+d}".format(5), "{:x}".format(255), "{:#o}".format(8))
print(f"{3.14159:.2e}", f"{1000000:_}", f"{-42:>6}", f"{'z':*^7}")
width = 8
print(f"{'dyn':>{width}}|", f"{2 / 3:.{width - 4}f}")
print("a\tb".expandtabs(4), "|" + "x".center(4) + "|", repr("it's"), repr('say "hi"'))
