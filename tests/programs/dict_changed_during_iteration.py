# Changing a dict while iterating over it: CPython's RuntimeErrors, raised at the next step,
# and iterations that stay valid (values changed, same size).

def run(label, body):
    try:
        body()
        print(label, "finished")
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


d = {"a": 1, "b": 2, "c": 3}


def grow():
    for k in d:
        d[k + "!"] = 0


def shrink():
    for k in d:
        del d[k]


def replace_keys():
    e = {i: i for i in range(8)}
    for k in e:
        del e[k]
        e[k + 100] = k
    print(e)


def change_values():
    e = {i: i for i in range(5)}
    for k in e:
        e[k] = k * 10
    print(e)


def over_views():
    e = {1: "x", 2: "y"}
    for k, v in e.items():
        e[3] = "z"


def sticky():
    e = {1: 1, 2: 2}
    it = iter(e)
    next(it)
    e[3] = 3
    for attempt in range(2):
        try:
            next(it)
        except RuntimeError as err:
            print("attempt", attempt, err)
    e.clear()
    try:
        print(list(it))
    except RuntimeError as err:
        print("after clear", err)


run("grow", grow)
run("shrink", shrink)
run("replace_keys", replace_keys)
run("change_values", change_values)
run("over_views", over_views)
run("values view", lambda: [d.pop(k) for k in list(d)] and None)
sticky()
print(type(iter({})).__name__, type(iter({}.values())).__name__)
