log = []

def f(n):
    try:
        log.append("try")
        if n == 0:
            return "zero"
        if n == 1:
            raise ValueError("one")
        log.append("body done")
    except ValueError:
        log.append("except")
        return "handled"
    else:
        log.append("else")
        return "else"
    finally:
        log.append("finally")

for n in range(3):
    print(f(n), log)
    log.clear()

def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(i)
        finally:
            log.append("f" + str(i))
    return log

print(g())
