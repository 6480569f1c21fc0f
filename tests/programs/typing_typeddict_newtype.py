from typing import TypedDict, NewType, ParamSpec, Text, AnyStr, Hashable, Annotated, Self, get_args, Optional, Dict
class Movie(TypedDict):
    title: str
    year: int
class Extra(Movie, total=False):
    rating: float
m = Movie(title="t", year=1)
e = Extra(title="u", year=2, rating=3.5)
print(m, e, type(e).__name__, sorted(Extra.__required_keys__), sorted(Extra.__optional_keys__), Extra.__total__, Extra.__annotations__)
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), Point.__annotations__, Point.__name__)
UserId = NewType("UserId", int)
print(UserId(5), UserId, UserId.__supertype__)
P = ParamSpec("P")
print(P, AnyStr, Text, get_args(Optional[int]), get_args(Dict[str, int]))
