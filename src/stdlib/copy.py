# copy for Baton: copy() and deepcopy() of the built-in containers and of class instances
# (their __dict__, or __copy__/__deepcopy__ when the class defines them), as CPython 3.11's
# copy module does; deepcopy keeps shared and cyclic references shared.

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, type(len),
           type(lambda: None), frozenset)


def copy(x):
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls is tuple:
        return x
    if cls in (list, dict, set):
        return x.copy()
    hook = getattr(cls, '__copy__', None)
    if hook is not None:
        return hook(x)
    return _copy_instance(x, lambda value: value)


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if isinstance(x, _ATOMIC):
        return x
    if cls is list:
        result = []
        memo[key] = result
        result.extend(deepcopy(item, memo) for item in x)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        result = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        result = {}
        memo[key] = result
        for k, v in x.items():
            result[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        result = {deepcopy(item, memo) for item in x}
    else:
        hook = getattr(cls, '__deepcopy__', None)
        if hook is not None:
            result = hook(x, memo)
        else:
            result = _copy_instance(x, lambda value: deepcopy(value, memo), memo, key)
    memo[key] = result
    return result


def _copy_instance(x, copy_value, memo=None, key=None):
    cls = type(x)
    if not hasattr(x, '__dict__'):
        raise Error(f'un(deep)copyable object of type {cls}')
    result = cls.__new__(cls)
    if memo is not None:
        memo[key] = result
    for name, value in vars(x).items():
        setattr(result, name, copy_value(value))
    return result
