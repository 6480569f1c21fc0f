def kmp_table(p):
    t = [0] * len(p)
    k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]:
            k = t[k - 1]
        if p[i] == p[k]:
            k += 1
        t[i] = k
    return t

def kmp_search(text, p):
    t, k, found = kmp_table(p), 0, []
    for i, c in enumerate(text):
        while k and c != p[k]:
            k = t[k - 1]
        if c == p[k]:
            k += 1
        if k == len(p):
            found.append(i - k + 1)
            k = t[k - 1]
    return found

text = "abababcabababcab"
print(kmp_table("ababc"), kmp_search(text, "abab"), kmp_search(text, "abc"), kmp_search(text, "zz"))
naive = [i for i in range(len(text)) if text.startswith("abab", i)]
print(naive == kmp_search(text, "abab"), text.find("abc"), text.rfind("abc"), text.count("ab"))
def anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return [g for g in groups.values() if len(g) > 1]
print(anagrams(["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "dog"]))
