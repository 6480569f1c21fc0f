d = {(1, (2, 3)): "a", (): "empty", ((),): "nested empty", (0, 0): "zeros", frozenset([1, (2,)]): "fs"}
print(d[(1, (2, 3))], d[()], d[((),)], d[(0, 0)], d[frozenset([(2,), 1])], (1.0, (2, 3.0)) in d)
print(hash((1, 2)) == hash((1.0, 2.0)), {1: "a", 1.0: "b", True: "c"}, {2**53: 1}.get(float(2**53)), {2**53 + 1: 1}.get(float(2**53 + 1)))
t = ()
for i in range(500):
    t = (t, i)
s = {t}
u = ()
for i in range(500):
    u = (u, i)
print(u in s, len(s))
