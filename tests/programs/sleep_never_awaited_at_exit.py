# A sleep() coroutine never awaited and still referenced at the end is reported as Python
# exits, as any coroutine is.
import asyncio

later = asyncio.sleep(1)
print(type(later).__name__)
