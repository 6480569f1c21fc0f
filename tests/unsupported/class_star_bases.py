bases = (object,)

class A(*bases):
    pass
