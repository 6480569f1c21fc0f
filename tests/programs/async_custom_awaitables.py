import asyncio

class Delayed:
    def __init__(self, value, delay):
        self.value, self.delay = value, delay
    async def _run(self):
        await asyncio.sleep(self.delay)
        return self.value
    def __await__(self):
        return self._run().__await__()

class Ready:
    def __init__(self, loop, value):
        self.fut = loop.create_future()
        self.fut.set_result(value)
    def __await__(self):
        return self.fut.__await__()

class Racer:
    def __init__(self, name):
        self.name = name
    async def run(self, delay):
        await asyncio.sleep(delay)
        print(self.name, "arrived")
        return self.name

async def main():
    print(await Delayed("late", 0.01))
    print(await Ready(asyncio.get_running_loop(), "now"))
    racers = [Racer("a"), Racer("b")]
    print(await asyncio.gather(racers[0].run(0.02), racers[1].run(0.01)))
    try:
        await object()
    except TypeError as e:
        print(e)

asyncio.run(main())
