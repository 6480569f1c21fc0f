class Employee:
    raise_rate = 1.04

    def __init__(self, first, last, pay):
        self.first, self.last, self.pay = first, last, pay

    @property
    def email(self):
        return f"{self.first}.{self.last}@corp.com".lower()

    @property
    def fullname(self):
        return f"{self.first} {self.last}"

    @fullname.setter
    def fullname(self, name):
        self.first, self.last = name.split(" ")

    def apply_raise(self):
        self.pay = int(self.pay * self.raise_rate)

    def __repr__(self):
        return f"{type(self).__name__}({self.first!r}, {self.last!r}, {self.pay})"

class Developer(Employee):
    raise_rate = 1.10

    def __init__(self, first, last, pay, lang):
        super().__init__(first, last, pay)
        self.lang = lang

class Manager(Employee):
    def __init__(self, first, last, pay, reports=None):
        super().__init__(first, last, pay)
        self.reports = reports or []

    def add(self, e):
        if e not in self.reports:
            self.reports.append(e)

dev = Developer("Ada", "Lovelace", 100000, "python")
mgr = Manager("Grace", "Hopper", 150000)
mgr.add(dev)
mgr.add(dev)
for e in (dev, mgr):
    e.apply_raise()
    print(e, e.email)
dev.fullname = "Alan Turing"
print(dev.fullname, dev.email, len(mgr.reports), mgr.reports[0] is dev)
print(isinstance(mgr, Employee), isinstance(dev, Manager), Developer.raise_rate, Employee.raise_rate)
