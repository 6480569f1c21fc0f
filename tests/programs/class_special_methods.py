class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"V({self.x})"
    def __format__(self, spec): return f"V<{format(self.x, spec)}>"
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x)
    def __iadd__(self, o): self.x += o; return self
    def __mul__(self, o): return V(self.x * o)
    def __rmul__(self, o): return V(self.x * o * 10)
    def __sub__(self, o): return V(self.x - o)
    def __rsub__(self, o): return V(o - self.x)
    def __truediv__(self, o): return V(self.x / o)
    def __floordiv__(self, o): return V(self.x // o)
    def __mod__(self, o): return V(self.x % o)
    def __pow__(self, o, m=None): return V(pow(self.x, o, m))
    def __matmul__(self, o): return "matmul"
    def __divmod__(self, o): return ("dm", o)
    def __neg__(self): return V(-self.x)
    def __pos__(self): return V(+self.x)
    def __abs__(self): return V(abs(self.x))
    def __invert__(self): return V(~self.x)
    def __lshift__(self, o): return V(self.x << o)
    def __and__(self, o): return V(self.x & o)
    def __or__(self, o): return V(self.x | o)
    def __xor__(self, o): return V(self.x ^ o)
    def __index__(self): return self.x
    def __int__(self): return self.x
    def __float__(self): return float(self.x)
    def __round__(self, n=None): return V(round(self.x, n))
    def __bool__(self): return self.x != 0
    def __lt__(self, o): return self.x < o.x
    def __le__(self, o): return self.x <= o.x
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __hash__(self): return hash(self.x)
v = V(3)
print(v + 1, 1 + v, v * 2, 2 * v, v - 1, 10 - v, v / 2, v // 2, v % 2, v ** 2, pow(v, 2, 5), v @ v, divmod(v, 2))
print(-v, +v, abs(V(-2)), ~v, v << 1, v & 1, v | 4, v ^ 1, [0, 1, 2, 3][v], int(v), float(v), round(V(2.567), 1), bool(V(0)))
print(f"{v:>4}", format(v, "03"), V(1) < V(2), V(1) <= V(1), V(2) > V(1), V(1) >= V(2), V(1) == V(1), V(1) != V(2), sorted([V(2), V(1)]), max(V(1), V(5)))
w = v; w += 2; print(w, v, w is v, hex(v), bin(v), range(10)[v])
class Seq:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        if isinstance(k, slice): return ("slice", k.start, k.stop, k.step)
        return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __len__(self): return len(self.d)
    def __contains__(self, k): return k in self.d
    def __iter__(self): return iter(sorted(self.d))
    def __reversed__(self): return iter(["rev"])
    def __call__(self, *a, **k): return ("called", a, k)
s = Seq(); s["a"] = 1; s["b"] = 2; del s["a"]; print(len(s), "b" in s, list(s), s["b"], s[1:2], s[::3], list(reversed(s)), s(1, z=2), bool(s))
class G:
    def __getattr__(self, n): return f"dyn_{n}"
g = G(); g.real = 1; print(g.real, g.missing, getattr(g, "other"))
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, typ=None): return self if obj is None else f"get {self.name}"
    def __set__(self, obj, val): setattr(obj, "_" + self.name, val)
class H:
    attr = Desc()
h = H(); h.attr = 5; print(h.attr, h._attr, H.attr.name)
class Cnt:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(Cnt()), sum(Cnt()), [x for x in Cnt()])
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None); return True
with CM() as c:
    raise ValueError
print("suppressed")
class Sl:
    __slots__ = ("a",)
s2 = Sl(); s2.a = 1
try:
    s2.b = 2
except AttributeError as e:
    print("slots:", e)
class Gt:
    def __class_getitem__(cls, item): return f"Gt[{item}]"
print(Gt[int])
class Len0:
    def __len__(self): return 0
print(bool(Len0()), "yes" if Len0() else "no")
class SA:
    def __setattr__(self, k, v): print("set", k); object.__setattr__(self, k, v)
    def __delattr__(self, k): print("del", k)
sa = SA(); sa.q = 1; del sa.q; print(sa.q)
class GA:
    def __getattribute__(self, n):
        if n == "magic": return 42
        return object.__getattribute__(self, n)
ga = GA(); ga.z = 1; print(ga.magic, ga.z)
