raw = """name,dept,salary
alice,eng,120
bob,sales,80
carol,eng,135
dan,ops,70
erin,sales,95"""
lines = raw.splitlines()
header = lines[0].split(",")
rows = [dict(zip(header, line.split(","))) for line in lines[1:]]
for r in rows:
    r["salary"] = int(r["salary"])
by_dept = {}
for r in rows:
    by_dept.setdefault(r["dept"], []).append(r)
for dept in sorted(by_dept):
    members = by_dept[dept]
    total = sum(m["salary"] for m in members)
    names = ", ".join(m["name"] for m in sorted(members, key=lambda m: -m["salary"]))
    print(f"{dept:6} n={len(members)} total={total:4} avg={total / len(members):6.1f} [{names}]")
top = max(rows, key=lambda r: r["salary"])
print(top["name"], top)
print(",".join(header).upper())
