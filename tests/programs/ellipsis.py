# The Ellipsis object: '...' as a stub body, a value, a key.
def stub(): ...
class Proto:
    def m(self) -> int: ...
print(stub(), ..., repr(...), str(Ellipsis), type(...).__name__, ... is Ellipsis, ... == ..., bool(...))
x = [1, ...]
print(x, {...: 1}[Ellipsis], hash(...) == hash(Ellipsis))
print(type(...))
