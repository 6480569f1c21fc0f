class OutOfStock(Exception):
    pass

class Inventory:
    def __init__(self):
        self.stock = {}
        self.log = []

    def add(self, item, qty):
        self.stock[item] = self.stock.get(item, 0) + qty
        self.log.append(("add", item, qty))

    def remove(self, item, qty):
        have = self.stock.get(item, 0)
        if have < qty:
            raise OutOfStock(f"{item}: want {qty}, have {have}")
        self.stock[item] = have - qty
        if not self.stock[item]:
            del self.stock[item]
        self.log.append(("remove", item, qty))

inv = Inventory()
inv.add("bolt", 10)
inv.add("nut", 5)
orders = [("bolt", 3), ("nut", 5), ("nut", 1), ("washer", 2), ("bolt", 7)]
for item, qty in orders:
    try:
        inv.remove(item, qty)
        print("ok", item, qty)
    except OutOfStock as e:
        print("failed:", e)
print(inv.stock, len(inv.log), inv.log[-1])
