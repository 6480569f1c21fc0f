import heapq, random
random.seed(11)
for trial in range(200):
    n = random.randint(0, 30)
    data = [random.randint(0, 20) for _ in range(n)]
    h = []
    for x in data:
        if x % 5 == 0 and h:
            heapq.heappushpop(h, x)
        else:
            heapq.heappush(h, x)
    c = data[:]
    heapq.heapify(c)
    out = [heapq.heappop(c) for _ in range(len(c) // 2)]
    if h and trial % 3 == 0:
        heapq.heapreplace(h, trial % 17)
    print(h, c, out)
