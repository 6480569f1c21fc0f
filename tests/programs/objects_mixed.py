class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)
        return self

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Stack({self._items})"


s = Stack().push(1).push(2).push(3)
print(s, len(s), s.pop(), s, bool(Stack()))


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()


tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(list(tree.walk()), sum(tree.walk()))


class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")

    def __lt__(self, other):
        return self.area() < other.area()


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    def __repr__(self):
        return f"Square({self.s})"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return round(3.14159 * self.r ** 2, 2)

    def __repr__(self):
        return f"Circle({self.r})"


shapes = [Square(3), Circle(1), Square(1)]
print(sorted(shapes), [s.area() for s in shapes])
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
