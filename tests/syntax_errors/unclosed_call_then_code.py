print('hi'
x = 1
print(x)
