import asyncio
from enum import Enum

class State(Enum):
    IDLE = 1
    RUNNING = 2
    DONE = 3

class Worker:
    def __init__(self, name):
        self.name = name
        self.state = State.IDLE
    async def run(self):
        self.state = State.RUNNING
        print(self.name, self.state, self.state.name, self.state.value)
        await asyncio.sleep(0)
        self.state = State.DONE
        return self

async def main():
    ws = [Worker(f"w{i}") for i in range(3)]
    res = await asyncio.gather(*(w.run() for w in ws))
    print([w.state for w in res])
    print(State(2), State["DONE"], list(State))

asyncio.run(main())
