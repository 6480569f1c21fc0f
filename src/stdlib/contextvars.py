# The Python half of `contextvars`: contexts, context variables and their tokens, on the
# natives that say which context is current. A context's `_data` dict is never changed once
# made (setting a variable makes a new one), so a copy shares it, as CPython's immutable
# mapping is shared. Tasks and loop callbacks get their copies natively. Written for Baton from
# the documented behaviour of CPython 3.11's contextvars.
from _contextvars import _get_context, _set_context

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_MISSING = object()


def _current():
    # The current context, made (empty) if there is none yet.
    ctx = _get_context()
    if ctx is None:
        ctx = Context()
        _set_context(ctx)
    return ctx


def _check_key(key):
    if type(key) is not ContextVar:
        raise TypeError(f'a ContextVar key was expected, got {key!r}')


def _no_subclass(name):
    def __init_subclass__(cls, **kwargs):
        raise TypeError(f"type '_contextvars.{name}' is not an acceptable base type")
    return classmethod(__init_subclass__)


class Context:
    __module__ = '_contextvars'
    __init_subclass__ = _no_subclass('Context')

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self} is already entered')
        self._entered = True
        previous = _set_context(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _set_context(previous)
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        _check_key(var)
        return self._data[var]

    def get(self, var, default=None):
        _check_key(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        _check_key(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


class ContextVar:
    __module__ = '_contextvars'
    __init_subclass__ = _no_subclass('ContextVar')

    def __init__(self, name, *, default=_MISSING):
        if type(name) is not str:
            raise TypeError('context variable name must be a str')
        object.__setattr__(self, '_name', name)
        object.__setattr__(self, '_default', default)

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    @property
    def name(self):
        return self._name

    def get(self, *default):
        if len(default) > 1:
            raise TypeError(f'get expected at most 1 argument, got {len(default)}')
        ctx = _get_context()
        if ctx is not None and self in ctx._data:
            return ctx._data[self]
        if default:
            return default[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        data = ctx._data
        old = data.get(self, Token.MISSING)
        data = dict(data)
        data[self] = value
        ctx._data = data
        return Token(ctx, self, old)

    def reset(self, token):
        if type(token) is not Token:
            raise TypeError(f'expected an instance of Token, got {token!r}')
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError(f'{token!r} was created in a different Context')
        token._used = True
        data = dict(ctx._data)
        if token._old_value is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old_value
        ctx._data = data

    def __repr__(self):
        default = '' if self._default is _MISSING else f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{default} at {_address(self)}>'


def _address(obj):
    # The "0x…" of an object's default repr.
    return object.__repr__(obj).rsplit(' ', 1)[-1][:-1]


class _Missing:
    __module__ = '_contextvars'

    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    __module__ = '_contextvars'
    __init_subclass__ = _no_subclass('Token')
    MISSING = _Missing()

    def __init__(self, ctx, var, old_value):
        self._ctx = ctx
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at {_address(self)}>'


def copy_context():
    return _current().copy()
