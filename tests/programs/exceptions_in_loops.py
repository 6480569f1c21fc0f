# Handlers inside loops must leave the loop iterator alone (module level and in a function).
for i in range(3):
    try:
        1/0
    except ZeroDivisionError:
        print("caught", i)
print("done")


def count_failures(values):
    failures = 0
    for v in values:
        for attempt in range(2):
            try:
                10 // v
            except ZeroDivisionError:
                failures += 1
            else:
                break
    return failures


print(count_failures([1, 0, 2, 0]))
