from __future__ import annotations
class Node:
    def link(self, other: Node) -> Node:
        return other
    def f(self, x: Undefined[int]) -> list[Node]:
        pass
print(Node.link.__annotations__, Node.f.__annotations__)
def g(a: int = 1, *args: str, b: "B" = 2, **kw: float) -> None: pass
print(g.__annotations__)
