print(list[int], dict[str, list[int]], tuple[int, ...], type[int], list[int](range(3)))
print(int | None, None | str, int | str | int, list[int] | None, (int | str) == (str | int))
x: list[int] = [1]
class Gt:
    def __class_getitem__(cls, item): return f"Gt[{item}]"
print(Gt[int], Gt["x"])
class Box:
    @classmethod
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(Box[1, 2])
try:
    int[3]
except TypeError as e:
    print(e)
class Plain: pass
try:
    Plain[3]
except TypeError as e:
    print(e)
print(list[int].__origin__, dict[str, int].__args__)
print(isinstance(3, int | str), isinstance("a", int | None), isinstance(None, int | None))
