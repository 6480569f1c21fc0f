while a.b = 1:
    pass
