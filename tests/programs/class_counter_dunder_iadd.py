class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    __radd__ = __add__
    def __iadd__(self, other):
        self.cents += other.cents if isinstance(other, Money) else other
        return self
    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __bool__(self):
        return self.cents != 0
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

wallet = Money(150)
same = wallet
wallet += Money(75)
print(wallet, same, wallet is same)
print(sum([Money(10), Money(20), Money(5)]), Money(5) + 3, 3 + Money(5))
print(bool(Money(0)), bool(Money(1)), Money(1) == Money(1), Money(1) == 1)
print(sorted([Money(300), Money(20)], key=lambda m: m.cents))
