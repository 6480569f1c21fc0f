class MinHeap:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)
        i = len(self.items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.items[parent] <= self.items[i]:
                break
            self.items[parent], self.items[i] = self.items[i], self.items[parent]
            i = parent

    def pop(self):
        items = self.items
        last = items.pop()
        if not items:
            return last
        top, items[0] = items[0], last
        i = 0
        while True:
            left, right, small = 2 * i + 1, 2 * i + 2, i
            if left < len(items) and items[left] < items[small]:
                small = left
            if right < len(items) and items[right] < items[small]:
                small = right
            if small == i:
                return top
            items[i], items[small] = items[small], items[i]
            i = small

    def __len__(self):
        return len(self.items)

h = MinHeap()
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
tasks = MinHeap()
for prio, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee")]:
    tasks.push((prio, name))
while tasks:
    print(tasks.pop())
