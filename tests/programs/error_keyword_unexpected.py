def greet(name, greeting="Hello"):
    return f"{greeting}, {name}"


print(greet("Ann", greeting="Hi"))
greet("Ann", salutation="Hey")
