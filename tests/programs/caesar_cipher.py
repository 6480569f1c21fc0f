def shift_char(c, k):
    if c.isupper():
        return chr((ord(c) - 65 + k) % 26 + 65)
    if c.islower():
        return chr((ord(c) - 97 + k) % 26 + 97)
    return c

def encrypt(text, k):
    return "".join(shift_char(c, k) for c in text)

msg = "Hello, World! xyz"
enc = encrypt(msg, 3)
print(enc)
print(encrypt(enc, -3))
freq = {}
for c in enc.lower():
    if c.isalpha():
        freq[c] = freq.get(c, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print([encrypt("abc", k) for k in range(0, 30, 7)])
