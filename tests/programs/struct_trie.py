class Trie:
    def __init__(self):
        self.root = {}

    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        node["$"] = True

    def contains(self, word):
        node = self.root
        for ch in word:
            if ch not in node:
                return False
            node = node[ch]
        return "$" in node

    def with_prefix(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node:
                return []
            node = node[ch]
        out = []
        stack = [(node, prefix)]
        while stack:
            n, p = stack.pop()
            if "$" in n:
                out.append(p)
            for ch in sorted(n, reverse=True):
                if ch != "$":
                    stack.append((n[ch], p + ch))
        return out

t = Trie()
for w in ["car", "cart", "carbon", "cat", "dog", "do"]:
    t.insert(w)
print(t.contains("car"), t.contains("ca"), t.contains("dog"))
print(t.with_prefix("car"), t.with_prefix("d"), t.with_prefix("x"))
