def f(():
    pass
