# The Python half of `sys`: the version Baton runs programs as (CPython 3.11's language and
# library), as CPython describes itself.
from collections import namedtuple


class _VersionInfo(namedtuple('version_info', 'major minor micro releaselevel serial')):
    def __repr__(self):
        fields = ', '.join(f'{name}={value!r}' for name, value in zip(self._fields, self))
        return f'sys.version_info({fields})'


version_info = _VersionInfo(3, 11, 7, 'final', 0)
hexversion = 0x030b07f0
version = '3.11.7 (Baton)'
byteorder = 'little'
