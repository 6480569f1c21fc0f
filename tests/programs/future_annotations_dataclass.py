from __future__ import annotations
import asyncio
from dataclasses import dataclass, field
from typing import ClassVar, Optional

@dataclass
class Job:
    name: str
    deps: list[Job] = field(default_factory=list)
    parent: Optional[Job] = None
    count: ClassVar[int] = 0

    async def run(self) -> str:
        Job.count += 1
        await asyncio.sleep(0)
        return self.name

async def main():
    a = Job("a")
    b = Job("b", [a])
    print(b, await b.run(), Job.count, Job.__annotations__)
    import __future__
    print(__future__.annotations, annotations)

asyncio.run(main())
