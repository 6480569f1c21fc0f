# logging for Baton: loggers in a dotted hierarchy, levels, stream handlers, %- and
# {}-style formatters, basicConfig and the module-level shortcuts, as CPython 3.11's logging
# behaves. Record attributes that need the caller's frame (funcName, lineno, filename, module,
# pathname) are refused by name when a format asks for them; file handlers are refused too.
import sys
import time

__all__ = ['CRITICAL', 'FATAL', 'ERROR', 'WARNING', 'WARN', 'INFO', 'DEBUG', 'NOTSET',
           'Logger', 'Handler', 'StreamHandler', 'NullHandler', 'Formatter', 'LogRecord',
           'getLogger', 'basicConfig', 'debug', 'info', 'warning', 'warn', 'error',
           'exception', 'critical', 'fatal', 'log', 'disable', 'getLevelName',
           'BASIC_FORMAT', 'lastResort', 'root', 'shutdown', 'FileHandler']

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_level_names = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING', INFO: 'INFO',
                DEBUG: 'DEBUG', NOTSET: 'NOTSET'}
_name_levels = {'CRITICAL': CRITICAL, 'FATAL': FATAL, 'ERROR': ERROR, 'WARN': WARNING,
                'WARNING': WARNING, 'INFO': INFO, 'DEBUG': DEBUG, 'NOTSET': NOTSET}

BASIC_FORMAT = '%(levelname)s:%(name)s:%(message)s'
_FRAME_FIELDS = ('funcName', 'lineno', 'filename', 'module', 'pathname')
_start_time = time.time()
_disabled_level = NOTSET


def getLevelName(level):
    if level in _level_names:
        return _level_names[level]
    if level in _name_levels:
        return _name_levels[level]
    return f'Level {level}'


def addLevelName(level, name):
    _level_names[level] = name
    _name_levels[name] = level


def _check_level(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _name_levels:
            raise ValueError(f'Unknown level: {level!r}')
        return _name_levels[level]
    raise TypeError(f'Level not an integer or a valid string: {level!r}')


def disable(level=CRITICAL):
    global _disabled_level
    _disabled_level = level


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None,
                 sinfo=None):
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = None
        self.created = time.time()
        self.msecs = int((self.created - int(self.created)) * 1000) + 0.0
        self.relativeCreated = (self.created - _start_time) * 1000
        self.thread = 1
        self.threadName = 'MainThread'
        self.process = 1
        self.processName = 'MainProcess'

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg

    def __repr__(self):
        return f'<LogRecord: {self.name}, {self.levelno}, "{self.msg}">'


class Formatter:
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True):
        if style not in ('%', '{'):
            raise ValueError("Style must be one of: %, {")
        self._style = style
        self._fmt = fmt or ('%(message)s' if style == '%' else '{message}')
        self.datefmt = datefmt
        for field in _FRAME_FIELDS:
            if self._uses(field):
                raise NotImplementedError(
                    f"the log record attribute '{field}' is not supported yet")

    def _uses(self, field):
        if self._style == '%':
            return f'%({field})' in self._fmt
        return '{' + field in self._fmt

    def usesTime(self):
        return self._uses('asctime')

    def formatTime(self, record, datefmt=None):
        ct = time.localtime(record.created)
        if datefmt:
            return time.strftime(datefmt, ct)
        text = time.strftime(self.default_time_format, ct)
        return self.default_msec_format % (text, record.msecs)

    def formatException(self, ei):
        import traceback
        text = ''.join(traceback.format_exception(ei[1]))
        return text[:-1] if text.endswith('\n') else text

    def formatMessage(self, record):
        if self._style == '%':
            return self._fmt % record.__dict__
        return self._fmt.format(**record.__dict__)

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != '\n':
                s = s + '\n'
            s = s + record.exc_text
        return s


_default_formatter = Formatter()


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def filter(self, record):
        for f in self.filters:
            result = f.filter(record) if hasattr(f, 'filter') else f(record)
            if not result:
                return False
        return True


class Filter:
    def __init__(self, name=''):
        self.name = name

    def filter(self, record):
        if not self.name or self.name == record.name:
            return True
        return record.name.startswith(self.name + '.')


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        super().__init__()
        self.level = _check_level(level)
        self.formatter = None
        self.name = None

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        if self.filter(record):
            self.emit(record)
        return record

    def emit(self, record):
        raise NotImplementedError('emit must be implemented by Handler subclasses')

    def flush(self):
        pass

    def close(self):
        pass

    def __repr__(self):
        return f'<{type(self).__name__} ({getLevelName(self.level)})>'


class StreamHandler(Handler):
    terminator = '\n'

    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream

    def _target(self):
        return self.stream if self.stream is not None else sys.stderr

    def emit(self, record):
        stream = self._target()
        stream.write(self.format(record) + self.terminator)
        self.flush()

    def flush(self):
        stream = self._target()
        if hasattr(stream, 'flush'):
            stream.flush()

    def setStream(self, stream):
        old, self.stream = self.stream, stream
        return old

    def __repr__(self):
        name = getattr(self._target(), 'name', '')
        name = f'{name} ' if name else ''
        return f'<{type(self).__name__} {name}({getLevelName(self.level)})>'


class FileHandler(StreamHandler):
    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        raise NotImplementedError('logging.FileHandler is not supported yet')


class NullHandler(Handler):
    def handle(self, record):
        pass

    def emit(self, record):
        pass


class _StderrHandler(StreamHandler):
    def __init__(self, level=NOTSET):
        super().__init__()
        self.level = level


lastResort = _StderrHandler(WARNING)


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        super().__init__()
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled or _disabled_level >= level:
            return False
        return level >= self.getEffectiveLevel()

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    fatal = critical

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            raise TypeError('level must be an integer')
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False,
             stacklevel=1):
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                current = sys.exception()
                exc_info = (type(current), current, None) if current else None
        record = LogRecord(self.name, level, None, None, msg, args, exc_info)
        if extra:
            for key, value in extra.items():
                if key in ('message', 'asctime') or key in record.__dict__:
                    raise KeyError(f'Attempt to overwrite {key!r} in LogRecord')
                setattr(record, key, value)
        self.handle(record)

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def callHandlers(self, record):
        found = 0
        logger = self
        while logger:
            for handler in logger.handlers:
                found += 1
                if record.levelno >= handler.level:
                    handler.handle(record)
            logger = logger.parent if logger.propagate else None
        if found == 0 and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def addHandler(self, handler):
        if handler not in self.handlers:
            self.handlers.append(handler)

    def removeHandler(self, handler):
        if handler in self.handlers:
            self.handlers.remove(handler)

    def hasHandlers(self):
        logger = self
        while logger:
            if logger.handlers:
                return True
            logger = logger.parent if logger.propagate else None
        return False

    def getChild(self, suffix):
        name = suffix if self is root else f'{self.name}.{suffix}'
        return getLogger(name)

    def __repr__(self):
        return f'<{type(self).__name__} {self.name} ({getLevelName(self.getEffectiveLevel())})>'


class RootLogger(Logger):
    def __init__(self, level):
        super().__init__('root', level)

    def __repr__(self):
        return f'<RootLogger root ({getLevelName(self.getEffectiveLevel())})>'


root = RootLogger(WARNING)
_loggers = {}


def getLogger(name=None):
    if not name or name == 'root':
        return root
    logger = _loggers.get(name)
    if logger is None:
        logger = Logger(name)
        _loggers[name] = logger
        _fix_parents(logger)
    return logger


def _fix_parents(logger):
    # The nearest existing ancestor is the parent; existing descendants now hang below.
    name = logger.name
    parent = root
    parts = name.split('.')
    for i in range(len(parts) - 1, 0, -1):
        candidate = _loggers.get('.'.join(parts[:i]))
        if candidate is not None:
            parent = candidate
            break
    logger.parent = parent
    for other in _loggers.values():
        if other is not logger and other.name.startswith(name + '.'):
            if other.parent is parent:
                other.parent = logger


def basicConfig(*, filename=None, filemode='a', format=None, datefmt=None, style='%',
                level=None, stream=None, handlers=None, force=False, encoding=None,
                errors=None):
    if force:
        for h in root.handlers[:]:
            root.removeHandler(h)
    if root.handlers:
        return
    if filename is not None:
        raise NotImplementedError('logging.basicConfig(filename=...) is not supported yet')
    if handlers is None:
        handlers = [StreamHandler(stream)]
    formatter = Formatter(format or (BASIC_FORMAT if style == '%' else
                                     '{levelname}:{name}:{message}'), datefmt, style)
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(formatter)
        root.addHandler(h)
    if level is not None:
        root.setLevel(level)


def _root_call(method, msg, args, kwargs):
    if not root.handlers:
        basicConfig()
    getattr(root, method)(msg, *args, **kwargs)


def critical(msg, *args, **kwargs):
    _root_call('critical', msg, args, kwargs)


fatal = critical


def error(msg, *args, **kwargs):
    _root_call('error', msg, args, kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    _root_call('error', msg, args, dict(kwargs, exc_info=exc_info))


def warning(msg, *args, **kwargs):
    _root_call('warning', msg, args, kwargs)


warn = warning


def info(msg, *args, **kwargs):
    _root_call('info', msg, args, kwargs)


def debug(msg, *args, **kwargs):
    _root_call('debug', msg, args, kwargs)


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def _asyncio_loop_created():
    # What CPython's asyncio logs as it makes an event loop.
    getLogger('asyncio').debug('Using selector: %s', 'EpollSelector')


def shutdown():
    for logger in [root, *_loggers.values()]:
        for h in logger.handlers:
            h.flush()
