# dataclasses for Baton: @dataclass (init, repr, eq, order, frozen, unsafe_hash), field(),
# fields(), asdict(), astuple(), replace(), is_dataclass(). Written from the documented
# behaviour of CPython 3.11's.


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    __module__ = 'dataclasses'


class Field:
    __module__ = 'dataclasses'

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},'
                f'repr={self.repr!r},hash={self.hash!r},compare={self.compare!r},'
                f'metadata={self.metadata!r},kw_only={self.kw_only!r},_field_type=_FIELD)')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_class_var(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(('ClassVar', 'typing.ClassVar'))


def _collect_fields(cls):
    fields = {}
    for base in cls.__mro__[-1:0:-1]:
        for f in base.__dict__.get('__dataclass_fields__', {}).values():
            fields[f.name] = f
    for name, annotation in cls.__dict__.get('__annotations__', {}).items():
        if _is_class_var(annotation):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError(f'mutable default {type(default)} for field {name} is not '
                                 f'allowed: use default_factory')
            f = field(default=default)
        f.name = name
        f.type = annotation
        fields[name] = f
    return fields


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fields = _collect_fields(cls)
    cls.__dataclass_fields__ = fields
    for f in fields.values():
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    in_init = [f for f in fields.values() if f.init]
    seen_default = False
    for f in in_init:
        if f.kw_only:
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    if init:
        cls.__init__ = _make_init(cls, fields, frozen)
    if repr:
        cls.__repr__ = _make_repr(fields)
    if eq:
        cls.__eq__ = _make_compare(fields, lambda a, b: a == b)
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            setattr(cls, name, _make_compare(fields, op))
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = _make_hash(fields)
    elif eq and '__hash__' not in cls.__dict__:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in in_init if not f.kw_only)
    return cls


def _make_init(cls, fields, frozen):
    in_init = [f for f in fields.values() if f.init]
    positional = [f for f in in_init if not f.kw_only]
    qualname = f'{cls.__qualname__}.__init__'

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            raise TypeError(f'{qualname}() takes {len(positional) + 1} positional arguments '
                            f'but {len(args) + 1} were given')
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            if name not in fields or not fields[name].init:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            values[name] = value
        missing = [f.name for f in in_init
                   if f.name not in values and f.default is MISSING
                   and f.default_factory is MISSING]
        if missing:
            listed = ' and '.join(repr(m) for m in missing) if len(missing) <= 2 else (
                ', '.join(repr(m) for m in missing[:-1]) + f", and {missing[-1]!r}")
            plural = 's' if len(missing) > 1 else ''
            kind = 'keyword-only' if all(fields[m].kw_only for m in missing) else 'positional'
            raise TypeError(f'{qualname}() missing {len(missing)} required {kind} '
                            f'argument{plural}: {listed}')
        for f in fields.values():
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            object.__setattr__(self, f.name, value)
        post_init = getattr(self, '__post_init__', None)
        if post_init is not None:
            post_init()

    return __init__


def _make_repr(fields):
    def __repr__(self):
        shown = ', '.join(f'{f.name}={getattr(self, f.name)!r}'
                          for f in fields.values() if f.repr)
        return f'{type(self).__qualname__}({shown})'

    return __repr__


def _compared(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields.values() if f.compare)


def _make_compare(fields, op):
    def compare(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return op(_compared(self, fields), _compared(other, fields))

    return compare


def _make_hash(fields):
    def __hash__(self):
        return hash(tuple(getattr(self, f.name) for f in fields.values()
                          if (f.compare if f.hash is None else f.hash)))

    return __hash__


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field '{name}'")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field '{name}'")


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(found.values())


def _copy_value(value, inner):
    if hasattr(type(value), '__dataclass_fields__'):
        return inner(value)
    if isinstance(value, list):
        return [_copy_value(v, inner) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy_value(v, inner) for v in value)
    if isinstance(value, dict):
        return {_copy_value(k, inner): _copy_value(v, inner) for k, v in value.items()}
    return value


def asdict(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return {f.name: _copy_value(getattr(obj, f.name), asdict) for f in fields(obj)}


def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple(_copy_value(getattr(obj, f.name), astuple) for f in fields(obj))


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
