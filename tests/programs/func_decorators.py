def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"-> {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {result}")
        return result
    return wrapper

def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco

@trace
def add(a, b):
    return a + b

@repeat(3)
def shout(word):
    return word.upper()

add(2, 3)
print(shout("hey"))

registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn

@register
def first():
    return 1

@register
def second():
    return 2

print(sorted(registry), registry["second"]())
