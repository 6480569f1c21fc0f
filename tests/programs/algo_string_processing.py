text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away!"""
words = [w.strip(".,;!").lower() for w in text.split()]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print(f"{w:>6}: {c}")
print(len(words), len(counts))
print(" ".join(w.capitalize() for w in words[:4]))
print(text.count("the"), text.lower().count("the"))
print(text.splitlines()[1].upper())
print("-".join(reversed(words[:3])))
print(sorted(set("".join(words)) - set("aeiou"))[:8])
