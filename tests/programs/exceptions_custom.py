class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key


def find(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


try:
    find({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad value") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(e, repr(e.__context__))

e = ValueError("a", 1)
print(e.args, str(e), repr(e))
print(repr(Exception()), str(KeyError("k")), repr(KeyError("k")))


def cleanup():
    try:
        return "body"
    finally:
        print("finally runs")


print(cleanup())
for i in range(3):
    try:
        if i == 1:
            continue
        print("try", i)
    finally:
        print("finally", i)
