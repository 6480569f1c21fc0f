def traffic_light():
    while True:
        yield "green"
        yield "yellow"
        yield "red"

light = traffic_light()
print([next(light) for _ in range(7)])

def tokenizer(text):
    word = ""
    for ch in text:
        if ch.isalpha():
            word += ch
        else:
            if word:
                yield ("WORD", word)
                word = ""
            if ch.isdigit():
                yield ("DIGIT", ch)
            elif not ch.isspace():
                yield ("PUNCT", ch)
    if word:
        yield ("WORD", word)

print(list(tokenizer("add 3 apples, then 4!")))

def running_avg():
    total, n = 0.0, 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n

r = running_avg()
next(r)
print([r.send(x) for x in [10, 20, 60]])
