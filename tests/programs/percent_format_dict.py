record = {"name": "widget", "qty": 3, "price": 4.5}
print("%(name)s x%(qty)d @ %(price).2f" % record)
print("%s|%r|%5s|%-5s|%05d|%+.1f|%%" % ("a", "a", "b", "c", 42, 2.25))
print("%c%c" % (72, "i"), "%x/%X/%o" % (255, 255, 8), "%e" % 1234.5, "%g" % 0.00001234)
print("%3d%%" % 50, "%.3s" % "abcdef", "%*d" % (5, 42) if False else "skip")
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
