class Task:
    _next_id = 1
    def __init__(self, title, priority=2, tags=()):
        self.id = Task._next_id
        Task._next_id += 1
        self.title, self.priority, self.tags, self.done = title, priority, set(tags), False
    def __repr__(self):
        mark = "x" if self.done else " "
        return f"[{mark}] #{self.id} {self.title} (p{self.priority}{', ' + ', '.join(sorted(self.tags)) if self.tags else ''})"

class TodoList:
    def __init__(self):
        self.tasks = {}
    def add(self, *args, **kwargs):
        t = Task(*args, **kwargs)
        self.tasks[t.id] = t
        return t.id
    def complete(self, tid):
        try:
            self.tasks[tid].done = True
        except KeyError:
            print(f"no task {tid}")
    def pending(self):
        return sorted((t for t in self.tasks.values() if not t.done), key=lambda t: (t.priority, t.id))
    def by_tag(self, tag):
        return [t.title for t in self.tasks.values() if tag in t.tags]

todo = TodoList()
todo.add("write report", 1, tags=["work"])
todo.add("buy milk", tags=["home", "errand"])
todo.add("fix bug", 1, ["work", "urgent"])
todo.add("call mom", 3)
todo.complete(2)
todo.complete(9)
for t in todo.pending():
    print(t)
print(todo.by_tag("work"), list(todo.tasks.values())[1])
