x = "module"
class K:
    x = "class"
    y = x + "!"
    items = [x for _ in range(2)]
    def method(self):
        return x
    doubled = [n * 2 for n in range(3)]
print(K.y, K.items, K().method(), K.doubled)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.count = Counter.count * 10
a, b = Counter(), Counter()
print(Counter.count, a.count, b.count)
def make_class(base_value):
    class Inner:
        value = base_value
        def get(self):
            return self.value + base_value
    return Inner
print(make_class(5)().get(), make_class(1).value)
