# contextlib for Baton: the decorators that make context managers out of generators and async
# generators, suppress, nullcontext, closing/aclosing and the exit stacks. Written for Baton
# from the documented behaviour of CPython 3.11's contextlib.


class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    async def __aenter__(self):
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    helper.__name__ = func.__name__
    return helper


def asynccontextmanager(func):
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    helper.__name__ = func.__name__
    return helper


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class closing:
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing:
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


def _special(cm, name, protocol):
    # The method `name` of cm's class, bound to cm; a TypeError naming the protocol without it.
    cls = type(cm)
    try:
        method = getattr(cls, name)
    except AttributeError:
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the "
                        f"{protocol} protocol") from None
    return lambda *args: method(cm, *args)


class _Unwinding:
    # An exit stack's callbacks being run, last pushed first: the exception each is given
    # (what the previous one raised, or none once one suppressed it), and the outcome.
    def __init__(self, exc_details):
        self.details = exc_details
        self.received = exc_details[0] is not None
        self.suppressed = False
        self.pending = None

    def returned(self, suppress):
        if suppress:
            self.suppressed = True
            self.pending = None
            self.details = (None, None, None)

    def raised(self, exc):
        self.pending = exc
        self.details = (type(exc), exc, None)

    def finish(self):
        if self.pending is not None:
            raise self.pending
        return self.received and self.suppressed


class _BaseExitStack:
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def _push_exit(self, exit, name, is_sync):
        # An object with the exit method `name` (bound to it), or a callable taking the
        # exception details itself.
        exit_method = getattr(type(exit), name, None)
        if exit_method is None:
            self._exit_callbacks.append((is_sync, exit))
        else:
            self._exit_callbacks.append((is_sync, lambda *details: exit_method(exit, *details)))
        return exit

    def push(self, exit):
        return self._push_exit(exit, '__exit__', True)

    def enter_context(self, cm):
        enter = _special(cm, '__enter__', 'context manager')
        exit = _special(cm, '__exit__', 'context manager')
        result = enter()
        self._exit_callbacks.append((True, exit))
        return result

    def callback(self, callback, /, *args, **kwds):
        self._exit_callbacks.append((True, lambda *details: callback(*args, **kwds)))
        return callback


class ExitStack(_BaseExitStack):
    __module__ = 'contextlib'

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        unwinding = _Unwinding(exc_details)
        while self._exit_callbacks:
            _, cb = self._exit_callbacks.pop()
            try:
                unwinding.returned(cb(*unwinding.details))
            except BaseException as new_exc:
                unwinding.raised(new_exc)
        return unwinding.finish()

    def close(self):
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack):
    __module__ = 'contextlib'

    async def enter_async_context(self, cm):
        enter = _special(cm, '__aenter__', 'asynchronous context manager')
        exit = _special(cm, '__aexit__', 'asynchronous context manager')
        result = await enter()
        self._exit_callbacks.append((False, exit))
        return result

    def push_async_exit(self, exit):
        return self._push_exit(exit, '__aexit__', False)

    def push_async_callback(self, callback, /, *args, **kwds):
        self._exit_callbacks.append((False, lambda *details: callback(*args, **kwds)))
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        unwinding = _Unwinding(exc_details)
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    unwinding.returned(cb(*unwinding.details))
                else:
                    unwinding.returned(await cb(*unwinding.details))
            except BaseException as new_exc:
                unwinding.raised(new_exc)
        return unwinding.finish()
