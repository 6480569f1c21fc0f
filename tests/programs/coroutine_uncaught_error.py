# An exception nobody catches leaves through every await to the code that drove the coroutine.
async def parse(text):
    return int(text)


async def total(texts):
    result = 0
    for t in texts:
        result += await parse(t)
    return result


async def main():
    print(await total(["1", "2"]))
    print(await total(["3", "x"]))


main().send(None)
