class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}

    def get(self, key):
        if key not in self.data:
            return None
        value = self.data.pop(key)
        self.data[key] = value
        return value

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            print("evict", oldest)
        self.data[key] = value

cache = LRU(3)
for k in "abc":
    cache.put(k, k.upper())
print(cache.get("a"), list(cache.data))
cache.put("d", "D")
print(cache.get("b"), list(cache.data))
cache.put("c", "CC")
cache.put("e", "E")
print(cache.data)
