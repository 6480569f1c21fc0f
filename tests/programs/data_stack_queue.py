class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        return f"Stack({self._items!r})"

def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for ch in s:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st

s = Stack()
for i in range(3):
    s.push(i * i)
print(s, len(s))
print(s.pop(), s)
for text in ["(a[b]{c})", "(]", "((", "", "{[()()]}"]:
    print(repr(text), balanced(text))
try:
    Stack().pop()
except IndexError as e:
    print("error:", e)
