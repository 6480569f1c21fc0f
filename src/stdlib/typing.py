# The names of the typing module that programs import for their annotations and aliases
# (`Handler = Callable[[int], None]`): subscripting gives an alias that prints as CPython's
# does; NamedTuple makes collections.namedtuple classes. Written for Baton from the documented
# behaviour of CPython 3.11's typing.

import types as _types

TYPE_CHECKING = False


def _type_repr(t):
    # As types' (GenericAlias) does, but None inside a typing alias shows as NoneType.
    if t is None:
        return 'NoneType'
    if isinstance(t, list):
        return '[' + ', '.join(_type_repr(x) for x in t) + ']'
    return _types._type_repr(t)


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _forward(param):
    # A name written as a string stands for a class defined later.
    if isinstance(param, str):
        return ForwardRef(param)
    if isinstance(param, list):
        return [_forward(p) for p in param]
    return param


class _Alias:
    def __init__(self, name, params=None):
        self._name = name
        self._params = params

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_forward(p) for p in params)
        if self._name == 'Union' and len(params) == 2 and None in params:
            return _Alias('Optional', tuple(p for p in params if p is not None))
        return _Alias(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Type {self._name} cannot be instantiated')

    def __repr__(self):
        if self._params is None:
            return 'typing.' + self._name
        return f"typing.{self._name}[{', '.join(_type_repr(p) for p in self._params)}]"


Any = _Alias('Any')
Union = _Alias('Union')
Optional = _Alias('Optional')
List = _Alias('List')
Dict = _Alias('Dict')
Set = _Alias('Set')
FrozenSet = _Alias('FrozenSet')
Tuple = _Alias('Tuple')
Type = _Alias('Type')
Callable = _Alias('Callable')
Awaitable = _Alias('Awaitable')
Coroutine = _Alias('Coroutine')
AsyncIterable = _Alias('AsyncIterable')
AsyncIterator = _Alias('AsyncIterator')
AsyncGenerator = _Alias('AsyncGenerator')
Iterable = _Alias('Iterable')
Iterator = _Alias('Iterator')
Generator = _Alias('Generator')
Sequence = _Alias('Sequence')
MutableSequence = _Alias('MutableSequence')
Mapping = _Alias('Mapping')
MutableMapping = _Alias('MutableMapping')
Deque = _Alias('Deque')
DefaultDict = _Alias('DefaultDict')
Counter = _Alias('Counter')
ClassVar = _Alias('ClassVar')
Final = _Alias('Final')
Literal = _Alias('Literal')
NoReturn = _Alias('NoReturn')


class _TypeVar:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


def TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False):
    return _TypeVar(name)


class _GenericBase:
    pass


class _GenericForm(_Alias):
    def __getitem__(self, params):
        return _GenericBase


Generic = _GenericForm('Generic')


class Protocol:
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


class _NamedTupleMeta(type):
    # A class statement deriving from NamedTuple makes a collections.namedtuple class of its
    # annotated fields (defaults from their values), with the body's methods.
    def __new__(mcs, name, bases, namespace):
        if namespace.get('_root'):
            return super().__new__(mcs, name, bases, namespace)
        from collections import namedtuple
        annotations = namespace.get('__annotations__', {})
        fields = list(annotations)
        defaults = []
        for field in fields:
            if field in namespace:
                defaults.append(namespace[field])
            elif defaults:
                with_defaults = [f for f in fields if f in namespace]
                s = 's' if len(with_defaults) > 1 else ''
                raise TypeError(f"Non-default namedtuple field {field} cannot follow default "
                                f"field{s} {', '.join(with_defaults)}")
        cls = namedtuple(name, fields, defaults=defaults,
                         module=namespace.get('__module__', '__main__'))
        cls.__annotations__ = dict(annotations)
        skipped = ('__annotations__', '__module__', '__qualname__', '__doc__')
        for key, value in namespace.items():
            if key not in skipped and key not in fields:
                setattr(cls, key, value)
        return cls

    def __call__(cls, typename, fields=None, **kwargs):
        from collections import namedtuple
        if fields is None:
            fields = list(kwargs.items())
        return namedtuple(typename, [name for name, _ in fields])


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True
