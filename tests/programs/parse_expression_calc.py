def tokenize(s):
    tokens, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            tokens.append(float(num) if "." in num else int(num))
            num = ""
        if ch in "+-*/()":
            tokens.append(ch)
    if num:
        tokens.append(float(num) if "." in num else int(num))
    return tokens

def parse(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else None
    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]
    def atom():
        t = take()
        if t == "(":
            v = expr()
            take()
            return v
        if t == "-":
            return -atom()
        return t
    def term():
        v = atom()
        while peek() in ("*", "/"):
            op = take()
            v = v * atom() if op == "*" else v / atom()
        return v
    def expr():
        v = term()
        while peek() in ("+", "-"):
            op = take()
            v = v + term() if op == "+" else v - term()
        return v
    return expr()

for s in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "-(2 + 3) * 2", "2 * 3.5 - 1", "8 / (3 - 3)"]:
    try:
        print(s, "=", parse(tokenize(s)))
    except ZeroDivisionError as e:
        print(s, "->", e)
