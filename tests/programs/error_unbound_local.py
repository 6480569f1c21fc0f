total = 0


def add():
    total = total + 1
    return total


add()
