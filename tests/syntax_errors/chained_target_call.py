coro = greet('Alice')=
print(coro)
