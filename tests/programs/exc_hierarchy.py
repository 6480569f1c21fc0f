def classify(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "zero"
    except ArithmeticError:
        return "arith"
    except LookupError as e:
        return "lookup:" + type(e).__name__
    except (TypeError, ValueError) as e:
        return "type-or-value:" + type(e).__name__
    except Exception:
        return "other"

for e in [ZeroDivisionError(), OverflowError(), KeyError("k"), IndexError(),
          TypeError(), ValueError(), RuntimeError(), UnicodeError()]:
    print(type(e).__name__, classify(e))
print(issubclass(KeyError, LookupError), issubclass(bool, int), issubclass(FileNotFoundError, OSError))
print(isinstance(StopIteration(), Exception), isinstance(KeyboardInterrupt(), Exception))
