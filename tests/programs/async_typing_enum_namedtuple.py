import asyncio
from enum import Enum, auto
from typing import NamedTuple, Protocol, TypedDict, Any, Callable, Awaitable, Dict, List, Tuple, Union

class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    def __str__(self):
        return self.name.lower()

class Point(NamedTuple):
    x: int
    y: int = 0
    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5

class Movie(TypedDict):
    title: str
    year: int

class Greeter(Protocol):
    def greet(self) -> str: ...

Handler = Callable[[int], Awaitable[str]]

async def handle(n: int) -> str:
    await asyncio.sleep(0)
    return f"handled {n}"

async def dispatch(handlers: Dict[str, Handler], items: List[Tuple[str, int]]) -> List[Union[str, Any]]:
    return [await handlers[k](v) for k, v in items]

async def main():
    s = Status.PENDING
    print(s, repr(s), Status["DONE"], Status(2), [m.name for m in Status], s is Status.PENDING, Status.DONE.value)
    p = Point(3, 4)
    print(p, p.dist(), p._replace(y=1), Point._fields, p._asdict(), Point(1))
    m: Movie = {"title": "x", "year": 1999}
    print(m, type(m).__name__)
    print(await dispatch({"a": handle}, [("a", 1), ("a", 2)]))
    if (n := len(m)) > 1:
        print("n", n)
    first, *middle, last = range(6)
    print(first, middle, last, *middle, sep="|")
    print({**m, "year": 2000}, [*range(3), *"ab"])

asyncio.run(main())
