# json for Baton: dumps/dump (indent, separators, sort_keys, default, ensure_ascii,
# skipkeys, allow_nan) and loads/load (object_hook, parse_float, parse_int), with
# JSONDecodeError's messages and positions. Written from the documented behaviour of CPython
# 3.11's json module.

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError']

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b',
            '\f': '\\f'}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        escaped = _ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
        elif ch < ' ':
            out.append(f'\\u{ord(ch):04x}')
        elif ensure_ascii and ch > '~':
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f'\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}')
            else:
                out.append(f'\\u{code:04x}')
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float_text(f, allow_nan):
    if f != f:
        text = 'NaN'
    elif f == float('inf'):
        text = 'Infinity'
    elif f == -float('inf'):
        text = '-Infinity'
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class _Encoder:
    def __init__(self, indent, separators, sort_keys, default, ensure_ascii, skipkeys,
                 allow_nan, check_circular):
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is None:
            separators = (',', ': ') if indent is not None else (', ', ': ')
        self.item_separator, self.key_separator = separators
        self.sort_keys = sort_keys
        self.default = default
        self.ensure_ascii = ensure_ascii
        self.skipkeys = skipkeys
        self.allow_nan = allow_nan
        self.markers = {} if check_circular else None

    def encode(self, o):
        out = []
        self._encode(o, out, 0)
        return ''.join(out)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {type(key).__name__}')

    def _enter(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[id(o)] = o

    def _leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def _newline(self, level):
        return '\n' + self.indent * level

    def _encode(self, o, out, level):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, level)
        elif isinstance(o, dict):
            self._encode_dict(o, out, level)
        else:
            if self.default is None:
                raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
            self._enter(o)
            self._encode(self.default(o), out, level)
            self._leave(o)

    def _encode_list(self, items, out, level):
        if not items:
            out.append('[]')
            return
        self._enter(items)
        out.append('[')
        inner = level + 1
        separator = self.item_separator
        if self.indent is not None:
            separator += self._newline(inner)
            out.append(self._newline(inner))
        first = True
        for item in items:
            if not first:
                out.append(separator)
            first = False
            self._encode(item, out, inner)
        if self.indent is not None:
            out.append(self._newline(level))
        out.append(']')
        self._leave(items)

    def _encode_dict(self, d, out, level):
        if not d:
            out.append('{}')
            return
        self._enter(d)
        out.append('{')
        inner = level + 1
        separator = self.item_separator
        if self.indent is not None:
            separator += self._newline(inner)
            out.append(self._newline(inner))
        items = sorted(d.items()) if self.sort_keys else d.items()
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(_quote(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, inner)
        if self.indent is not None:
            out.append(self._newline(level))
        out.append('}')
        self._leave(d)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    encoder = _Encoder(indent, separators, sort_keys, default, ensure_ascii, skipkeys,
                       allow_nan, check_circular)
    return encoder.encode(obj)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


class JSONDecodeError(ValueError):
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__(f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_WHITESPACE = ' \t\n\r'
_UNESCAPE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
             't': '\t'}
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}


class _Decoder:
    def __init__(self, text, object_hook, parse_float, parse_int, object_pairs_hook):
        self.text = text
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int

    def skip(self, pos):
        text = self.text
        while pos < len(text) and text[pos] in _WHITESPACE:
            pos += 1
        return pos

    def value(self, pos):
        text = self.text
        if pos >= len(text):
            raise JSONDecodeError('Expecting value', text, pos)
        ch = text[pos]
        if ch == '"':
            return self.string(pos + 1)
        if ch == '{':
            return self.object(pos + 1)
        if ch == '[':
            return self.array(pos + 1)
        for word, value in (('null', None), ('true', True), ('false', False)):
            if text.startswith(word, pos):
                return value, pos + len(word)
        for word, value in _CONSTANTS.items():
            if text.startswith(word, pos):
                return value, pos + len(word)
        return self.number(pos)

    def number(self, pos):
        text = self.text
        end = pos
        if end < len(text) and text[end] == '-':
            end += 1
        digits = end
        if end < len(text) and text[end] == '0':
            end += 1
        else:
            while end < len(text) and text[end].isdigit():
                end += 1
        if end == digits:
            raise JSONDecodeError('Expecting value', text, pos)
        is_float = False
        if end + 1 < len(text) and text[end] == '.' and text[end + 1].isdigit():
            is_float = True
            end += 2
            while end < len(text) and text[end].isdigit():
                end += 1
        if end < len(text) and text[end] in 'eE':
            exp = end + 1
            if exp < len(text) and text[exp] in '+-':
                exp += 1
            if exp < len(text) and text[exp].isdigit():
                is_float = True
                end = exp
                while end < len(text) and text[end].isdigit():
                    end += 1
        number = text[pos:end]
        if is_float:
            return self.parse_float(number), end
        return self.parse_int(number), end

    def string(self, pos):
        text = self.text
        start = pos - 1
        out = []
        while True:
            if pos >= len(text):
                raise JSONDecodeError('Unterminated string starting at', text, start)
            ch = text[pos]
            if ch == '"':
                return ''.join(out), pos + 1
            if ch == '\\':
                if pos + 1 >= len(text):
                    raise JSONDecodeError('Unterminated string starting at', text, start)
                esc = text[pos + 1]
                if esc == 'u':
                    code = self.hex4(pos + 2, pos)
                    pos += 6
                    if 0xD800 <= code < 0xDC00 and text.startswith('\\u', pos):
                        low = self.hex4(pos + 2, pos)
                        if 0xDC00 <= low < 0xE000:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            pos += 6
                    out.append(chr(code))
                    continue
                if esc not in _UNESCAPE:
                    raise JSONDecodeError('Invalid \\escape', text, pos)
                out.append(_UNESCAPE[esc])
                pos += 2
                continue
            if ch < ' ':
                raise JSONDecodeError('Invalid control character at', text, pos)
            out.append(ch)
            pos += 1

    def hex4(self, at, escape_at):
        digits = self.text[at:at + 4]
        if len(digits) != 4 or any(c not in '0123456789abcdefABCDEF' for c in digits):
            raise JSONDecodeError('Invalid \\uXXXX escape', self.text, escape_at)
        return int(digits, 16)

    def object(self, pos):
        text = self.text
        pairs = []
        pos = self.skip(pos)
        if pos < len(text) and text[pos] == '}':
            return self.finish_object(pairs), pos + 1
        while True:
            if pos >= len(text) or text[pos] != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', text, pos)
            key, pos = self.string(pos + 1)
            pos = self.skip(pos)
            if pos >= len(text) or text[pos] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", text, pos)
            pos = self.skip(pos + 1)
            value, pos = self.value(pos)
            pairs.append((key, value))
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == '}':
                return self.finish_object(pairs), pos + 1
            if pos >= len(text) or text[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos = self.skip(pos + 1)

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, pos):
        text = self.text
        items = []
        pos = self.skip(pos)
        if pos < len(text) and text[pos] == ']':
            return items, pos + 1
        while True:
            value, pos = self.value(pos)
            items.append(value)
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == ']':
                return items, pos + 1
            if pos >= len(text) or text[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos = self.skip(pos + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, bytes):
        s = s.decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {type(s).__name__}')
    decoder = _Decoder(s, object_hook, parse_float, parse_int, object_pairs_hook)
    pos = decoder.skip(0)
    value, end = decoder.value(pos)
    end = decoder.skip(end)
    if end != len(s):
        raise JSONDecodeError('Extra data', s, end)
    return value


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
