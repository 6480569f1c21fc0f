class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split("-")))

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def days_in_month(self):
        if self.m == 2:
            return 29 if self.is_leap(self.y) else 28
        return 30 if self.m in (4, 6, 9, 11) else 31

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class Holiday(Date):
    pass

d = Date.parse("2024-02-10")
h = Holiday.parse("2023-12-25")
print(d, h, d.days_in_month(), Date(2023, 2, 1).days_in_month(), h.days_in_month())
print([y for y in range(1896, 1910) if Date.is_leap(y)], d.is_leap(2000), Holiday.is_leap(1900))
