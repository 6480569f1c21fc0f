sales = [
    ("north", "widget", 12, 3.5),
    ("south", "gadget", 5, 10.0),
    ("north", "gadget", 7, 10.0),
    ("east", "widget", 20, 3.25),
    ("south", "widget", 3, 3.5),
]
totals = {}
for region, product, qty, price in sales:
    totals.setdefault(region, {})
    totals[region][product] = totals[region].get(product, 0) + qty * price
print("=" * 30)
print(f"{'region':<8}{'product':<10}{'revenue':>12}")
print("-" * 30)
grand = 0
for region in sorted(totals):
    for product, revenue in sorted(totals[region].items()):
        print(f"{region:<8}{product:<10}{revenue:>12,.2f}")
        grand += revenue
print("-" * 30)
print(f"{'total':<18}{grand:>12,.2f}")
best = max(((r, p, v) for r, d in totals.items() for p, v in d.items()), key=lambda t: t[2])
print("best:", best)
