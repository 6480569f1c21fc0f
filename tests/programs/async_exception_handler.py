# A loop's exception handler: the program's gets the loop and a context dict (failing
# callbacks, exceptions nobody retrieved, call_exception_handler); an error in it goes to the
# default handler; the default one prints the message, the other entries and the traceback.
import asyncio


def handler(loop, context):
    exc = context.get("exception")
    print("handler:", context["message"].split(" at ")[0], repr(exc), sorted(context))
    if context["message"] == "raise please":
        raise RuntimeError("handler failed")


async def bad():
    raise ValueError("lost")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(lambda: 1 / 0)
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "custom", "detail": 42})
    loop.call_exception_handler({"message": "raise please"})
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print(e)
    loop.default_exception_handler({"message": "printed by default", "extra": [1, 2]})
    print("end")


asyncio.run(main())
