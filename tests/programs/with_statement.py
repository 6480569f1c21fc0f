class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return self.suppress


with Resource("a") as r:
    print("inside", r.name)

with Resource("b", suppress=True):
    raise ValueError("hidden")
print("after b")

try:
    with Resource("c"):
        raise KeyError("shown")
except KeyError as e:
    print("caught", e)

with Resource("d") as d, Resource("e") as e:
    print("both", d.name, e.name)


def early():
    with Resource("f"):
        return "returned"


print(early())
for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        break
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
