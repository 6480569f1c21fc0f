# The Python half of `time`: `struct_time` and the calendar functions, on the natives that
# break seconds down (and back) and format them with the C library, as CPython's module does.
import time

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
           'tm_yday', 'tm_isdst')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


class struct_time:
    __module__ = 'time'
    n_fields = 11
    n_sequence_fields = 9

    def __init__(self, values):
        values = tuple(values)
        if len(values) not in (9, 11):
            raise TypeError(f"time.struct_time() takes a 9-sequence ({len(values)}-sequence given)")
        self._values = values[:9]
        self.tm_zone = values[9] if len(values) == 11 else None
        self.tm_gmtoff = values[10] if len(values) == 11 else None

    def __getattr__(self, name):
        if name in _FIELDS:
            return self._values[_FIELDS.index(name)]
        raise AttributeError(f"'time.struct_time' object has no attribute '{name}'")

    def __getitem__(self, index):
        return self._values[index]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            other = other._values
        return self._values == other

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        fields = ', '.join(f'{name}={value!r}' for name, value in zip(_FIELDS, self._values))
        return f'time.struct_time({fields})'


def _fields(t, function):
    if isinstance(t, struct_time):
        return t._values
    if isinstance(t, tuple) and len(t) == 9:
        return t
    raise TypeError(f"{function}(): illegal time tuple argument")


def localtime(secs=None):
    return struct_time(time._broken_down(time.time() if secs is None else secs, False))


def gmtime(secs=None):
    return struct_time(time._broken_down(time.time() if secs is None else secs, True))


def mktime(t):
    return time._mktime(_fields(t, 'mktime'))


def strftime(format, t=None):
    fields = localtime()._values if t is None else _fields(t, 'strftime')
    return time._strftime(format, fields)


def asctime(t=None):
    t = localtime() if t is None else struct_time(_fields(t, 'asctime'))
    return (f'{_DAYS[t.tm_wday]} {_MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} '
            f'{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d} {t.tm_year}')


def ctime(secs=None):
    return asctime(localtime(secs))
