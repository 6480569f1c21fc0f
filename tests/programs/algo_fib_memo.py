memo = {}

def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r

print([fib(i) for i in range(15)])
print(fib(90))
print(fib(150))
print(len(memo))

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fib_iter(200) == fib(200))
