async def main():
    # comment
async with x as tg:
        pass
    y = 1
