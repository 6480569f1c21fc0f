async def task( (name: str):
    pass
