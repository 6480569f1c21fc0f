def greet(name) -> -> str:
    pass
