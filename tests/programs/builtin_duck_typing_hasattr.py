print(hasattr([], "__iter__"), hasattr(5, "__iter__"), hasattr("s", "__len__"), hasattr({}, "__getitem__"), hasattr(3, "__add__"), hasattr(None, "__len__"))
print(hasattr(len, "__call__"), callable(len), hasattr(lambda: 0, "__call__"))
print(hasattr(iter([]), "__next__"), hasattr((x for x in []), "__iter__"))
