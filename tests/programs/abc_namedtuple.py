import asyncio
from abc import ABC, abstractmethod
from typing import NamedTuple

class Point(NamedTuple):
    x: int
    y: int = 0
    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p, p.x, p[1], p.norm2(), Point(1), p._replace(y=1), Point._fields, Point._field_defaults, list(p))
Pair = NamedTuple("Pair", [("a", int), ("b", str)])
print(Pair(1, "z"))
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)

class Source(ABC):
    @abstractmethod
    async def fetch(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"source {self.name}"

class Half(Source):
    async def fetch(self):
        return 1

class Web(Half):
    @property
    def name(self):
        return "web"

for cls in (Source, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
w = Web()
print(w.describe(), asyncio.run(w.fetch()), sorted(Source.__abstractmethods__), Web.__abstractmethods__, isinstance(w, Source))
