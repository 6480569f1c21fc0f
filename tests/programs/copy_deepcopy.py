import copy
from dataclasses import dataclass, field
from enum import Enum

class Color(Enum):
    RED = 1

@dataclass
class State:
    name: str
    items: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

s = State("a", [1, [2, 3]], {"k": {"n": 1}})
shallow = copy.copy(s)
deep = copy.deepcopy(s)
s.items[1].append(4)
s.meta["k"]["n"] = 2
print(shallow, deep, shallow is s, shallow.items is s.items, deep.items is s.items)
nested = [1, [2, [3]], {"a": (4, [5])}]
cycle = [1]
cycle.append(cycle)
d2 = copy.deepcopy(cycle)
print(copy.deepcopy(nested) == nested, d2[1] is d2, d2 is not cycle)
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is not shared)
t = (1, 2, "x")
print(copy.deepcopy(t) is t, copy.copy([1, 2]), copy.copy({"a": 1}), copy.copy({1}), copy.deepcopy(Color.RED) is Color.RED)
class Custom:
    def __init__(self, v):
        self.v = v
    def __deepcopy__(self, memo):
        return Custom(self.v * 10)
print(copy.deepcopy(Custom(2)).v, copy.copy(Custom(3)).v)
