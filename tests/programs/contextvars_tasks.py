import asyncio
import contextvars
from contextvars import ContextVar, copy_context, Context

user = ContextVar("user", default="anonymous")
trace = ContextVar("trace")

print(user.get(), user.name)
print(trace.get("none yet"))
try:
    trace.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)

tok = user.set("alice")
print(user.get(), tok.var is user, tok.old_value is contextvars.Token.MISSING, repr(tok.old_value))
user.reset(tok)
print(user.get())
try:
    user.reset(tok)
except RuntimeError as e:
    print("RuntimeError", str(e).split(" var=")[0])
try:
    trace.reset(user.set("bob"))
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))
print(user.get())

ctx = copy_context()
print(len(ctx), user in ctx, trace in ctx, ctx[user], ctx.get(trace, 0))
print(sorted(v.name for v in ctx))
print([(k.name, v) for k, v in ctx.items()])

def inside(x):
    user.set("carol")
    trace.set(x)
    return user.get(), trace.get()

print(ctx.run(inside, 1))
print(user.get(), trace.get(None), ctx[user], ctx[trace])
print(Context().run(lambda: user.get()))
try:
    ctx[1]
except TypeError as e:
    print(e)
def reenter():
    ctx.run(reenter)
try:
    ctx.run(reenter)
except RuntimeError as e:
    print(str(e).split(" <")[0])
try:
    user.name = "x"
except AttributeError as e:
    print("AttributeError", e)
try:
    ContextVar(5)
except TypeError as e:
    print(e)
tok2 = user.set("dave")
ctx2 = copy_context()
try:
    ctx2.run(user.reset, tok2)
except ValueError as e:
    print("ValueError", str(e).endswith("was created in a different Context"))

request = ContextVar("request")

async def log(msg):
    print(f"[{request.get('-')}] [{user.get()}] {msg}")

async def handle(n):
    request.set(n)
    await log("start")
    await asyncio.sleep(0.01 * (3 - n))
    sub = asyncio.create_task(log("child task"))
    request.set(n * 10)
    await sub
    await log("end")
    return request.get()

def on_done(fut):
    print("done callback sees", request.get("-"), fut.result())

async def main():
    user.set("main-user")
    t = asyncio.create_task(handle(7))
    t.add_done_callback(on_done)
    request.set("main")
    await t
    print(await asyncio.gather(*(handle(i) for i in range(3))))
    print("main sees", request.get())
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("call_soon sees", request.get()))
    request.set("changed")
    await asyncio.sleep(0)
    c = copy_context()
    c.run(request.set, "in copy")
    loop.call_soon(lambda: print("explicit context", request.get()), context=c)
    await asyncio.sleep(0)
    t2 = asyncio.create_task(log("task in copy"), context=c)
    await t2
    print(c[request], request.get())

asyncio.run(main())
print("after run", user.get(), request.get("unset"))
