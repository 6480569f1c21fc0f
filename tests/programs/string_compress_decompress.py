def compress(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + (str(j - i) if j - i > 1 else ""))
        i = j
    result = "".join(out)
    return result if len(result) < len(s) else s

def vowels_consonants(s):
    v = sum(1 for c in s.lower() if c in "aeiou")
    c = sum(1 for c in s.lower() if c.isalpha() and c not in "aeiou")
    return v, c

for s in ["aabcccccaaa", "abc", "", "zzzzzzzzzzzz", "aabb"]:
    print(repr(s), compress(s), vowels_consonants(s))
print(" ".join(w[::-1] for w in "hello big world".split()), "hello world".title().swapcase())
