class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class Account:
    interest = 0.02
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        Account.count += 1

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        return self

    @classmethod
    def from_string(cls, text):
        owner, amount = text.split(":")
        return cls(owner, int(amount))

    @staticmethod
    def describe():
        return "a simple account"

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"

a = Account("ann", 100).deposit(50).withdraw(30)
b = Account.from_string("bob:75")
print(a, b, Account.count, Account.describe())
try:
    b.withdraw(1000)
except InsufficientFunds as e:
    print("failed:", e, e.needed, e.available, e.args)
try:
    a.deposit(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    a.balance = 5
except AttributeError as e:
    print("AttributeError")
print(round(a.balance * (1 + Account.interest), 2))
