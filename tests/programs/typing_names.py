# The typing names programs import, and the aliases built from them.
from typing import List, Dict, Optional, Any, Callable, Awaitable, TypeVar, Generic, Union, Tuple
import typing
import asyncio

T = TypeVar('T')
Handler = Callable[[int], Awaitable[None]]
print(Handler, T, List[int], Dict[str, int], Optional[str], Union[int, str], Tuple[int, ...])
print(typing.Any, typing.TYPE_CHECKING, typing.cast(int, "3"))

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

async def fetch(ids: List[int]) -> Dict[int, str]:
    await asyncio.sleep(0)
    return {i: str(i) for i in ids}

def maybe(x: Optional[int] = None) -> Any:
    return x

print(Box(3).item, asyncio.run(fetch([1, 2])), maybe())
print(Union[int, None], Optional[int], Callable[..., int], List[Optional[int]])
print(typing.Dict, typing.Callable)
