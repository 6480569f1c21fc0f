class Customer:
    def __init__(self, cid, arrival, service):
        self.cid, self.arrival, self.service = cid, arrival, service

def simulate(customers, tellers):
    free_at = [0] * tellers
    waits = []
    for c in sorted(customers, key=lambda c: c.arrival):
        t = min(range(tellers), key=lambda i: free_at[i])
        start = max(free_at[t], c.arrival)
        waits.append(start - c.arrival)
        free_at[t] = start + c.service
        print(f"customer {c.cid} -> teller {t} at {start} (waited {start - c.arrival})")
    return sum(waits) / len(waits), max(free_at)

custs = [Customer(i, (i * 7) % 10, 3 + i % 4) for i in range(8)]
avg, end = simulate(custs, 2)
print(f"average wait {avg:.2f}, done at {end}")
