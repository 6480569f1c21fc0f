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


class _TypedDictMeta(type):
    # A class statement deriving from TypedDict records its keys; calling the class makes a
    # plain dict, as in CPython, where the class is only for type checkers.
    def __new__(mcs, name, bases, namespace, total=True):
        cls = super().__new__(mcs, name, bases, namespace)
        if namespace.get('_root'):
            return cls
        annotations = {}
        required, optional = set(), set()
        for base in bases:
            annotations.update(getattr(base, '__annotations__', {}))
            required |= getattr(base, '__required_keys__', frozenset())
            optional |= getattr(base, '__optional_keys__', frozenset())
        own = namespace.get('__annotations__', {})
        annotations.update(own)
        (required if total else optional).update(own)
        cls.__annotations__ = annotations
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total
        return cls

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            # The functional form: TypedDict('Name', {'key': type}, total=True).
            name, fields = args[0], (args[1] if len(args) > 1 else {})
            total = kwargs.get('total', True)
            return _TypedDictMeta(name, (TypedDict,), {'__annotations__': dict(fields)},
                                  total=total)
        return dict(*args, **kwargs)


class TypedDict(metaclass=_TypedDictMeta):
    _root = True


class NewType:
    # A distinct name for a type that type checkers see; at run time it returns its argument.
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __call__(self, value):
        return value

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'


class _ParamSpec(_TypeVar):
    pass


def ParamSpec(name, *, bound=None, covariant=False, contravariant=False):
    return _ParamSpec(name)


def TypeVarTuple(name):
    return _TypeVar(name)


def runtime_checkable(cls):
    return cls


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def assert_type(val, typ):
    return val


def get_origin(tp):
    return None


def get_args(tp):
    params = getattr(tp, '_params', None)
    if not params:
        return ()
    if tp._name == 'Optional':
        return tuple(params) + (type(None),)
    return tuple(params)


Text = str
AnyStr = TypeVar('AnyStr')
Hashable = _Alias('Hashable')
Sized = _Alias('Sized')
Container = _Alias('Container')
Collection = _Alias('Collection')
Reversible = _Alias('Reversible')
AbstractSet = _Alias('AbstractSet')
MutableSet = _Alias('MutableSet')
ItemsView = _Alias('ItemsView')
KeysView = _Alias('KeysView')
ValuesView = _Alias('ValuesView')
OrderedDict = _Alias('OrderedDict')
ChainMap = _Alias('ChainMap')
ContextManager = _Alias('ContextManager')
AsyncContextManager = _Alias('AsyncContextManager')
Pattern = _Alias('Pattern')
Match = _Alias('Match')
IO = _Alias('IO')
TextIO = _Alias('TextIO')
BinaryIO = _Alias('BinaryIO')
SupportsInt = _Alias('SupportsInt')
SupportsFloat = _Alias('SupportsFloat')
SupportsAbs = _Alias('SupportsAbs')
SupportsIndex = _Alias('SupportsIndex')
SupportsRound = _Alias('SupportsRound')
Annotated = _Alias('Annotated')
TypeGuard = _Alias('TypeGuard')
Required = _Alias('Required')
NotRequired = _Alias('NotRequired')
Concatenate = _Alias('Concatenate')
Unpack = _Alias('Unpack')
Self = _Alias('Self')
LiteralString = _Alias('LiteralString')
Never = _Alias('Never')
TypeAlias = _Alias('TypeAlias')
