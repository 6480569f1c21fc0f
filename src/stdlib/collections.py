# collections for Baton: deque, defaultdict, Counter, OrderedDict and namedtuple, written from
# the documented behaviour of CPython 3.11's. Baton cannot subclass the built-in types yet, so
# the dict-like ones hold a dict rather than being one (isinstance(x, dict) is False).


class deque:
    __module__ = 'collections'

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _full(self):
        return self._maxlen is not None and len(self._items) > self._maxlen

    def append(self, x):
        self._items.append(x)
        if self._full():
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self._full():
            self._items.pop()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        stop = len(self._items) if stop is None else stop
        for i in range(max(start, 0), min(stop, len(self._items))):
            if self._items[i] == x:
                return i
        raise ValueError(f"{x!r} is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, value):
        for i, x in enumerate(self._items):
            if x == value:
                del self._items[i]
                return
        raise ValueError(f"{value!r} is not in deque")

    def reverse(self):
        self._items.reverse()

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'")
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        del self._items[self._index(i)]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        if self._maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self._maxlen})'


class _DictWrapper:
    # The dict methods, on the dict the object holds.
    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            other = other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, *args, **kwargs):
        self._data.update(*args, **kwargs)

    def clear(self):
        self._data.clear()


class defaultdict(_DictWrapper):
    __module__ = 'collections'

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        _DictWrapper.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    __copy__ = copy

    def __repr__(self):
        factory = self.default_factory
        shown = 'None' if factory is None else repr(factory)
        return f'defaultdict({shown}, {self._data!r})'


class OrderedDict(_DictWrapper):
    __module__ = 'collections'

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            self._data = {key: value, **self._data}

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self._data))) if last else next(iter(self._data))
        return key, self._data.pop(key)

    def copy(self):
        return OrderedDict(self._data)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return _DictWrapper.__eq__(self, other)

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._data.items())!r})'


class Counter(_DictWrapper):
    __module__ = 'collections'

    def __missing__(self, key):
        return 0

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                for key in iterable.keys():
                    self._data[key] = self[key] + iterable[key]
            else:
                for elem in iterable:
                    self._data[elem] = self[elem] + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                for key in iterable.keys():
                    self._data[key] = self[key] - iterable[key]
            else:
                for elem in iterable:
                    self._data[elem] = self[elem] - 1
        if kwds:
            self.subtract(kwds)

    def most_common(self, n=None):
        ranked = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for key, count in self._data.items():
            for _ in range(count):
                yield key

    def total(self):
        return sum(self._data.values())

    def copy(self):
        return Counter(self._data)

    def _kept(self, pairs):
        result = Counter()
        for key, count in pairs:
            if count > 0:
                result._data[key] = count
        return result

    def __add__(self, other):
        keys = list(self._data) + [k for k in other._data if k not in self._data]
        return self._kept((k, self[k] + other[k]) for k in keys)

    def __sub__(self, other):
        return self._kept((k, self[k] - other[k]) for k in self._data)

    def __or__(self, other):
        keys = list(self._data) + [k for k in other._data if k not in self._data]
        return self._kept((k, max(self[k], other[k])) for k in keys)

    def __and__(self, other):
        return self._kept((k, min(self[k], other[k])) for k in self._data)

    def __pos__(self):
        return self._kept(self._data.items())

    def __neg__(self):
        return self._kept((k, -v) for k, v in self._data.items())

    def __repr__(self):
        if not self._data:
            return 'Counter()'
        return f'Counter({dict(self.most_common())!r})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(str(name) for name in field_names)
    seen = set()
    for name in (typename,) + fields:
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
    for name in fields:
        if name.startswith('_'):
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f'{typename}.__new__() takes {len(fields) + 1} positional '
                            f'arguments but {len(args) + 1} were given')
        values = list(args)
        missing = []
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        for name in kwargs:
            if name in fields:
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
        if missing:
            listed = ' and '.join(repr(m) for m in missing) if len(missing) <= 2 else (
                ', '.join(repr(m) for m in missing[:-1]) + f", and {missing[-1]!r}")
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(f'{typename}.__new__() missing {len(missing)} required positional '
                            f'argument{plural}: {listed}')
        self._values = tuple(values)

    def __repr__(self):
        shown = ', '.join(f'{name}={value!r}' for name, value in zip(fields, self._values))
        return f'{typename}({shown})'

    def __eq__(self, other):
        return tuple(self) == (tuple(other) if isinstance(other, tuple) or hasattr(other, '_fields') else other)

    def __lt__(self, other):
        return tuple(self) < tuple(other)

    def __le__(self, other):
        return tuple(self) <= tuple(other)

    def __gt__(self, other):
        return tuple(self) > tuple(other)

    def __ge__(self, other):
        return tuple(self) >= tuple(other)

    def __hash__(self):
        return hash(self._values)

    def __len__(self):
        return len(fields)

    def __iter__(self):
        return iter(self._values)

    def __getitem__(self, index):
        return self._values[index]

    def __add__(self, other):
        return tuple(self) + tuple(other)

    def _asdict(self):
        return dict(zip(fields, self._values))

    def _replace(self, **changes):
        values = [changes.pop(name, value) for name, value in zip(fields, self._values)]
        if changes:
            raise ValueError(f'Got unexpected field names: {list(changes)!r}')
        return cls(*values)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)

    namespace = {
        '__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__lt__': __lt__,
        '__le__': __le__, '__gt__': __gt__, '__ge__': __ge__, '__hash__': __hash__,
        '__len__': __len__, '__iter__': __iter__, '__getitem__': __getitem__,
        '__add__': __add__, '_asdict': _asdict, '_replace': _replace, 'count': count,
        'index': index, '_fields': fields, '_field_defaults': field_defaults,
        '__module__': '__main__' if module is None else module,
    }
    for i, name in enumerate(fields):
        namespace[name] = property(lambda self, i=i: self._values[i])
    cls = type(typename, (), namespace)
    cls._make = classmethod(lambda klass, iterable: klass(*iterable))
    return cls
