# enum for Baton: Enum, IntEnum, StrEnum, auto, unique and the functional API, on a metaclass
# (EnumType) that turns a class body's plain attributes into members. Written from the
# documented behaviour of CPython 3.11's enum. Baton's int and str cannot be subclassed, so
# IntEnum and StrEnum members behave as their values do (comparison, hashing, arithmetic,
# formatting) without being int or str instances; Flag and IntFlag are refused.

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'auto', 'unique', 'Flag',
           'IntFlag']

_auto_null = object()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f'auto({self.value!r})'


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_'


def _is_member(name, value):
    if _is_dunder(name) or _is_sunder(name) or name.startswith('_'):
        return False
    if isinstance(value, (classmethod, staticmethod, property)) or callable(value) and \
            not isinstance(value, auto):
        return False
    return hasattr(value, '__get__') is False or isinstance(value, auto)


class EnumType(type):
    def __new__(mcs, name, bases, namespace, **kwargs):
        members = []
        for key, value in list(namespace.items()):
            if _is_member(key, value):
                members.append((key, value))
                del namespace[key]
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f'{_enum_repr(name)} cannot extend {base!r}')
            if base.__name__ in ('Flag', 'IntFlag') and base.__module__ == 'enum':
                raise NotImplementedError('enum.Flag and enum.IntFlag are not supported yet')
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        object.__setattr__(cls, '_member_names_', [])
        object.__setattr__(cls, '_member_map_', {})
        object.__setattr__(cls, '_value2member_map_', {})
        last_values = []
        generate = getattr(cls, '_generate_next_value_')
        for key, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(key, 1, len(last_values), last_values[:])
                value = value.value
            last_values.append(value)
            cls._add_member(key, value)
        return cls

    def _add_member(cls, key, value):
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                cls._member_map_[key] = existing
                object.__setattr__(cls, key, existing)
                return
        member = object.__new__(cls)
        member._name_ = key
        member._value_ = value
        member.__init__(*(value if type(value) is tuple else (value,)))
        cls._member_names_.append(key)
        cls._member_map_[key] = member
        cls._value2member_map_[value] = member
        object.__setattr__(cls, key, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls.__new__(cls, value)
        return _functional(cls, value, names, start)

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(member).__qualname__}' and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    def __repr__(cls):
        return _enum_repr(cls.__name__)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        object.__setattr__(cls, name, value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType


def _enum_repr(name):
    return f"<enum '{name}'>"


def _functional(base, name, names, start):
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if names and isinstance(names[0], str) and not isinstance(names, dict):
        names = [(n, start + i) for i, n in enumerate(names)]
    elif isinstance(names, dict):
        names = list(names.items())
    return EnumType(name, (base,), dict(names))


class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            if isinstance(last, int):
                return last + 1
        return start + count if not last_values else start

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        member = cls._value2member_map_.get(value)
        if member is None:
            for candidate in cls._member_map_.values():
                if candidate._value_ == value:
                    return candidate
            missing = cls._missing_(value)
            if missing is not None:
                return missing
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        return member

    def __init__(self, *args):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']


class _ValueEnum(Enum):
    # Members that compare, hash and compute as their values.
    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


def _plain(v):
    return v._value_ if isinstance(v, Enum) else v


class IntEnum(_ValueEnum):
    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _plain(other)

    def __rsub__(self, other):
        return _plain(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _plain(other)

    def __rmul__(self, other):
        return _plain(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _plain(other)

    def __floordiv__(self, other):
        return self._value_ // _plain(other)

    def __mod__(self, other):
        return self._value_ % _plain(other)

    def __neg__(self):
        return -self._value_

    def __and__(self, other):
        return self._value_ & _plain(other)

    def __or__(self, other):
        return self._value_ | _plain(other)


class StrEnum(_ValueEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __len__(self):
        return len(self._value_)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __getattr__(self, name):
        # str's methods (`upper`, `startswith`, …) on the value.
        return getattr(self._value_, name)


class Flag:
    __module__ = 'enum'


class IntFlag(Flag):
    __module__ = 'enum'


def unique(enumeration):
    duplicates = [(name, member._name_) for name, member in enumeration._member_map_.items()
                  if name != member._name_]
    if duplicates:
        details = ', '.join(f'{alias} -> {name}' for alias, name in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration
