from typing import Optional, Callable, List, Dict
print(Optional[int], Callable[["Node", str], None], List[Dict[str, int]], Dict[str, "X"], Optional["Tree"], Callable[..., int])
