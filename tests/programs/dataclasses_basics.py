# dataclasses: generated __init__/__repr__/__eq__, defaults and default_factory, order and
# frozen, asdict/astuple/replace/fields, ClassVar left out, used by tasks.
import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields
import dataclasses
import typing
from typing import ClassVar

@dataclass
class Job:
    name: str
    duration: float = 0.1
    tags: list = field(default_factory=list)
    attempts: int = field(default=0, repr=False)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

@dataclass
class Result:
    job: Job
    ok: bool
    runs: ClassVar[int] = 0
    kind: typing.ClassVar = "result"

async def run(job):
    await asyncio.sleep(0)
    job.attempts += 1
    return Result(job, job.duration < 1)

async def main():
    jobs = [Job("a"), Job("b", 2.0, ["slow"]), Job(name="c", duration=0.5)]
    results = await asyncio.gather(*(run(j) for j in jobs))
    for r in results:
        print(r)
    print(jobs[0] == Job("a", attempts=1), jobs[0] == Job("a"), asdict(results[1]))
    print(astuple(jobs[2]), replace(jobs[0], name="z"))
    print(sorted([Version(1, 2), Version(1, 0), Version(0, 9)]), Version(1) < Version(1, 1))
    v = Version(2)
    try:
        v.major = 3
    except dataclasses.FrozenInstanceError as e:
        print("frozen:", e)
    print(hash(v) == hash(Version(2)), {v, Version(2)})
    print([f.name for f in fields(Job)], Job.__annotations__, [f.name for f in fields(Result)])
    try:
        Job()
    except TypeError as e:
        print(e)
    try:
        hash(jobs[0])
    except TypeError as e:
        print(e)

asyncio.run(main())
