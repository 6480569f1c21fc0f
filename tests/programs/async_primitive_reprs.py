# Reprs of asyncio's synchronisation primitives and queues (addresses cut out), and the
# modules classes say they come from.
import asyncio


def no_address(text):
    head, sep, tail = text.partition(" at 0x")
    if not sep:
        return text
    rest = tail.split(" ", 1)
    return head + (" " + rest[1] if len(rest) > 1 else ">")


class Local:
    pass


async def main():
    lock = asyncio.Lock()
    event = asyncio.Event()
    sem = asyncio.Semaphore(1)
    cond = asyncio.Condition()
    queue = asyncio.Queue(maxsize=3)
    for obj in (lock, event, sem, cond, queue, Local()):
        print(no_address(repr(obj)), type(obj).__module__)
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    getter = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    print(no_address(repr(lock)))
    print(no_address(repr(queue)), str(queue))
    await queue.put("a")
    await queue.put("b")
    print(str(queue), await getter)
    print(str(queue))
    queue.task_done()
    lock.release()
    await waiter
    event.set()
    await sem.acquire()
    print(no_address(repr(event)), no_address(repr(sem)))
    print(asyncio.Queue, asyncio.QueueEmpty, asyncio.BoundedSemaphore, Local)
    print(Local.__module__, asyncio.Timeout.__module__, int.__module__)
    print("Queue" in dir(asyncio), "Event" in dir(asyncio))


asyncio.run(main())
