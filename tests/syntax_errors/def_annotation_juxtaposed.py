def greet(name: str str) -> str:
    pass
