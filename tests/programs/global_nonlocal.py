counter = 0

def bump():
    global counter
    counter += 1
    return counter

def outer():
    x = "outer"
    def middle():
        nonlocal x
        x = "middle"
        def inner():
            nonlocal x
            x += "+inner"
            return x
        return inner()
    r = middle()
    return x, r

bump(); bump()
print(counter, outer())

def read_global():
    return counter * 10

print(read_global())

def shadow():
    counter = 99
    return counter

print(shadow(), counter)
