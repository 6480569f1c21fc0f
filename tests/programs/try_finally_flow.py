def f(x):
    try:
        if x:
            return "early"
        print("no early")
    finally:
        print("finally", x)
    return "late"


print(f(True), f(False))


def nested():
    for i in range(3):
        try:
            try:
                if i == 1:
                    break
                print("inner", i)
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
    return "done"


print(nested())


def swallow():
    try:
        raise ValueError("x")
    finally:
        return "finally wins"


print(swallow())


def reraise():
    try:
        raise KeyError("k")
    except KeyError:
        print("handler")
        raise
    finally:
        print("cleanup")


try:
    reraise()
except KeyError as e:
    print("outer got", repr(e))
