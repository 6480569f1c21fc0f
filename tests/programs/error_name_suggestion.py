counter = 0


def report(total):
    return totl + counter


print(report(3))
