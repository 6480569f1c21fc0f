def wrap(text, width):
    words = text.split()
    lines, line = [], []
    for w in words:
        if line and len(" ".join(line + [w])) > width:
            lines.append(line)
            line = []
        line.append(w)
    if line:
        lines.append(line)
    return lines

def justify(line, width):
    if len(line) == 1:
        return line[0].ljust(width)
    gaps = len(line) - 1
    spaces = width - sum(len(w) for w in line)
    out = ""
    for i, w in enumerate(line[:-1]):
        out += w + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + line[-1]

text = "The quick brown fox jumps over the lazy dog and keeps on running far away"
for line in wrap(text, 20):
    print("|" + justify(line, 20) + "|")
print([len(" ".join(l)) for l in wrap(text, 15)])
