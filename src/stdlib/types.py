# The Python half of `types`: the objects that subscripting a built-in class (`list[int]`)
# and `|` between classes (`int | None`) make, the names of the built-in types, and
# SimpleNamespace. Written for Baton from the documented behaviour of CPython 3.11's `types`.
import sys


def _type_repr(obj):
    if obj is ...:
        return '...'
    if obj is None or obj is NoneType:
        return 'None'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    return repr(obj)


class GenericAlias:
    __module__ = 'types'

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if type(args) is tuple else (args,)

    def __repr__(self):
        args = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{_type_repr(self.__origin__)}[{args or "()"}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if type(other) is not GenericAlias:
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class UnionType:
    __module__ = 'types'

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if type(other) is not UnionType:
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


def _union(left, right):
    args = []
    for side in (left, right):
        if side is None:
            side = type(None)
        elif not isinstance(side, (type, GenericAlias, UnionType)):
            return NotImplemented
        for arg in side.__args__ if type(side) is UnionType else (side,):
            if arg not in args:
                args.append(arg)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)


def _function():
    pass


async def _coroutine():
    pass


async def _async_generator():
    yield


def _generator():
    yield


class _Class:
    def _method(self):
        pass


FunctionType = LambdaType = type(_function)
GeneratorType = type(_generator())
AsyncGeneratorType = type(_async_generator())
_made = _coroutine()
CoroutineType = type(_made)
_made.close()
MethodType = type(_Class()._method)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(sys)
del _function, _coroutine, _async_generator, _generator, _Class, _made


class SimpleNamespace:
    __module__ = 'types'

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if self in _repr_running:
            return f'{name}(...)'
        _repr_running.append(self)
        try:
            fields = ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())
        finally:
            _repr_running.remove(self)
        return f'{name}({fields})'

    def __eq__(self, other):
        if not isinstance(self, SimpleNamespace) or not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None


_repr_running = []
