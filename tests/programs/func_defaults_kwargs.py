def greet(name, greeting="Hello", *, punct="!", **extra):
    s = f"{greeting}, {name}{punct}"
    if extra:
        s += " " + ", ".join(f"{k}={v}" for k, v in sorted(extra.items()))
    return s

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di", mood="happy", age=3))

def stats(*nums, scale=1):
    if not nums:
        return None
    return min(nums) * scale, max(nums) * scale, sum(nums) / len(nums)

print(stats(), stats(1, 2, 3), stats(*[4, 5], scale=10))
args = ("Eve",)
kwargs = {"greeting": "Hey", "punct": "."}
print(greet(*args, **kwargs))

def append_to(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target

print(append_to(1), append_to(2))

def pos_only(a, b, /, c):
    return a + b + c

print(pos_only(1, 2, c=3), pos_only(1, 2, 3))
