options = {"tag": "x"}

class A(**options):
    pass
