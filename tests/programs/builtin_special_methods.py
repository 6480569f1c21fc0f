print(hasattr([], "__iter__"), hasattr(5, "__iter__"), hasattr("s", "__len__"), hasattr({}, "__getitem__"), hasattr(3, "__add__"), hasattr(None, "__len__"))
print(hasattr(len, "__call__"), callable(len), hasattr(lambda: 0, "__call__"))
print(hasattr(iter([]), "__next__"), hasattr((x for x in []), "__iter__"), hasattr(range(3), "__len__"), hasattr(3.5, "__index__"))
print(None.__repr__(), (1).__repr__(), "a".__repr__(), [1].__repr__(), (1.5).__str__(), True.__repr__())
print(None.__eq__(None), (3).__add__(4), "ab".__len__(), [1,2].__len__(), {1:2}.__contains__(1))
print(None.__hash__() == hash(None), (5).__hash__(), [].__hash__ if False else "")
print(None.__class__, (1).__class__.__name__, (0).__bool__(), (3).__add__("x"), (3).__radd__(4), "a".__add__("b"), "a".__eq__("a"), (1).__eq__("a"), (1).__lt__(2.5), (1).__lt__("a"))
print(int.__add__(3, 4), str.__len__("abc"), list.__getitem__([7, 8], 1), float.__mul__(2.0, 3), int.__eq__(1, 1), str.__eq__("ab", "a" + "b"))
print((5).__neg__(), (5).__invert__(), (2.5).__abs__(), (7).__index__(), (3.7).__int__(), (3).__float__(), (2.567).__round__(2), (5).__format__("03"))
l = [1, 2, 3]
l.__setitem__(0, 9); l.__delitem__(1)
print(l, l.__contains__(9), list(l.__iter__()), l.__mul__(2), l.__add__([0]))
d = {"a": 1}
d.__setitem__("b", 2)
print(d, d.__getitem__("b"), d.__or__({"c": 3}), d.__len__())
it = iter([1, 2])
print(it.__next__(), next(it))
print(len.__call__([1, 2]), (lambda x: x * 2).__call__(4), int.__call__("5") if hasattr(int, "__call__") else None)
print({1, 2}.__and__({2}), frozenset([1]).__hash__() == hash(frozenset([1])), {1}.__or__([1]))
print(sorted([3, 1, 2], key=int.__neg__), list(map(str.__len__, ["ab", "c"])), (2).__pow__(10), (10).__rsub__(3), (7).__mod__(3), (1).__lshift__(4))
class V:
    def __radd__(self, o): return "V.radd"
print((1).__add__(V()), 1 + V())
