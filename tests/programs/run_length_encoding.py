def rle(s):
    if not s:
        return []
    out = [[s[0], 1]]
    for c in s[1:]:
        if c == out[-1][0]:
            out[-1][1] += 1
        else:
            out.append([c, 1])
    return [(c, n) for c, n in out]

def encode(s):
    return "".join(f"{n}{c}" for c, n in rle(s))

def decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)

for s in ["aaabccdddd", "", "abc", "zzzzzzzzzzzz"]:
    e = encode(s)
    print(repr(s), e, decode(e) == s)
