class AppError(Exception):
    code = 1

class NotFound(AppError):
    code = 404
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what

class Denied(AppError):
    code = 403

def fetch(key):
    db = {"a": 1}
    if key == "secret":
        raise Denied("no access to " + key)
    try:
        return db[key]
    except KeyError as e:
        raise NotFound(key) from e

for k in ["a", "b", "secret"]:
    try:
        print(k, fetch(k))
    except AppError as e:
        print(k, type(e).__name__, e.code, e, repr(e.__cause__))
e = NotFound("x")
print(e.args, str(e), repr(e), e.what)
print(AppError("m", 2).args, str(AppError("m", 2)), str(AppError()))
