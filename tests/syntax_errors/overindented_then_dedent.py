async def f():
         async with a as b:
        c = 1
