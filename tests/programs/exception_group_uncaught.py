# An uncaught exception group printed as nested boxes, with causes and contexts inside.
def inner():
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e

errs = []
try:
    inner()
except ValueError as e:
    errs.append(e)
errs.append(ExceptionGroup("nested", [KeyError("k"), TypeError("t")]))
try:
    raise ExceptionGroup("top", errs)
except ExceptionGroup as g:
    try:
        raise RuntimeError("later")
    except RuntimeError as r:
        raise ExceptionGroup("outer", [r, g])
