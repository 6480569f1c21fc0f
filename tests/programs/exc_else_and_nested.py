def parse(values):
    out = []
    for v in values:
        try:
            n = int(v)
        except ValueError as e:
            out.append(f"bad({e})")
        else:
            try:
                out.append(100 // n)
            except ZeroDivisionError:
                out.append("inf")
    return out

print(parse(["10", "x", "0", "-3", "4.5"]))

def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            raise ValueError("middle") from None
    except ValueError as e:
        return repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__)

print(nested())
