def ratio(a, b):
    return a // b


print("before")
print(ratio(7, 0))
print("never")
