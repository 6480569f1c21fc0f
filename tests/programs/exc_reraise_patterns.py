def risky(n):
    if n % 3 == 0:
        raise ValueError(f"bad {n}")
    return n

results, errors = [], []
for i in range(1, 8):
    try:
        results.append(risky(i))
    except ValueError as e:
        errors.append(str(e))
        if len(errors) > 5:
            raise
print(results, errors)

def wrapper():
    try:
        risky(3)
    except ValueError:
        print("logging and re-raising")
        raise

try:
    wrapper()
except ValueError as e:
    print("outer got", e)

def convert(err):
    try:
        raise err
    except (KeyError, IndexError) as e:
        raise LookupError("lookup failed") from e
for err in [KeyError("a"), IndexError("b")]:
    try:
        convert(err)
    except LookupError as e:
        print(e, "<-", type(e.__cause__).__name__, e.__cause__)
