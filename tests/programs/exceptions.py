# try/except/else/finally, raise and re-raise, exception objects, handlers across calls and loops.
def divide(a, b):
    try:
        result = a // b
    except ZeroDivisionError as e:
        print("caught:", e, repr(e), e.args)
        return None
    else:
        print("no error")
        return result


print(divide(7, 2), divide(1, 0))
for key in ["a", "z"]:
    try:
        print({"a": 1}[key])
    except KeyError as err:
        print("missing", err, type(err).__name__ if False else "")
try:
    int("abc")
except (TypeError, ValueError) as e:
    print("bad number:", e)
try:
    raise ValueError("custom message")
except Exception as e:
    print(repr(e), str(e))
try:
    try:
        [][0]
    except IndexError:
        print("inner")
        raise
except LookupError as e:
    print("outer got", e)
try:
    print("body")
finally:
    print("cleanup")
def risky(n):
    if n > 2:
        raise RuntimeError(f"too big: {n}")
    return n
total = 0
for i in range(5):
    try:
        total += risky(i)
    except RuntimeError as e:
        print(e)
        break
print("total", total)
try:
    undefined_name
except NameError as e:
    print(e)
raise KeyError("final")
