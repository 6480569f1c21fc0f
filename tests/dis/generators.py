def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2

squares = [x * x for x in evens(10)]
