# Keyword arguments: binding by name, defaults, and print's sep/end/flush.
def describe(name, age=30, city="Paris"):
    return f"{name} ({age}) from {city}"


print(describe("Ada"))
print(describe("Ada", city="London"))
print(describe(city="Rome", name="Bob"))
print(describe("Eve", 41, city="Oslo"))
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" ... continued", end="!\n")
print(1, 2, 3, sep=", ", end=" <- numbers\n", flush=True)
print("x", sep=None, end=None)
