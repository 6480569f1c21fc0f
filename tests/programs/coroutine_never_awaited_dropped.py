# Coroutines made and dropped without being awaited are reported on stderr (RuntimeWarning);
# closed or awaited ones are not.
async def job(n):
    return n * 2


async def runner():
    return await job(21)


def fire_and_forget():
    job(1)


closed = job(2)
closed.close()
try:
    runner().send(None)
except StopIteration as e:
    print("runner returned", e.value)
for _ in range(3):
    fire_and_forget()
print("done")
