async def task(name, delay):=
    pass
