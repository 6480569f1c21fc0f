for exc in [ValueError(), ValueError("x"), ValueError("x", 2), KeyError("k"), KeyError(), IndexError(3),
            OSError("disk full"), Exception([1, 2])]:
    print(type(exc).__name__, repr(str(exc)), repr(exc), exc.args)
try:
    raise TypeError
except TypeError as e:
    print("bare class raised:", repr(e), e.args)
e = RuntimeError("boom")
print(isinstance(e, Exception), isinstance(e, BaseException), e.__class__.__name__)
class MyErr(Exception):
    def __str__(self):
        return "custom text"
print(str(MyErr("ignored")), repr(MyErr("kept")))
try:
    raise MyErr("x")
except Exception as caught:
    print(f"{caught}", caught.args)
