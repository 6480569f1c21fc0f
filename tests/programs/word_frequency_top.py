text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(f"{word:>12} {'#' * n} {n}")
print(len(words), len(freq), sum(freq.values()) == len(words))
longest = max(freq, key=lambda w: (len(w), w))
print(longest, len(longest))
print(sorted(w for w, n in freq.items() if n == 1))
