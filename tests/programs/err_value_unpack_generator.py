def pairs():
    yield 1
    yield 2
    yield 3

a, b = pairs()
