import asyncio
import logging
import sys

log = logging.getLogger("app")
log.warning("before config %s", 1)
log.info("not shown")
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s [%(name)s] %(message)s", stream=sys.stdout)
log.debug("debug %d", 2)
child = logging.getLogger("app.worker")
child.info("from child %s", child.name)
print(child.parent is log, log.parent is logging.getLogger(), logging.getLogger() is logging.root)
print(log.getEffectiveLevel(), logging.getLevelName(logging.INFO), logging.getLevelName("ERROR"), logging.getLevelName(5))
quiet = logging.getLogger("quiet")
quiet.setLevel(logging.ERROR)
quiet.warning("hidden")
quiet.error("shown %(k)s", {"k": "v"})
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname}|{message}", style="{"))
own = logging.getLogger("own")
own.propagate = False
own.addHandler(h)
own.critical("crit")
own.log(25, "custom level")
print(repr(log), repr(logging.root), repr(h))
async def worker(n):
    log.info("worker %d start", n)
    await asyncio.sleep(0)
    log.info("worker %d end", n)
async def main():
    await asyncio.gather(worker(1), worker(2))
asyncio.run(main())
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
lf = logging.getLogger("filtered")
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1
lf.addFilter(OnlyOdd())
for i in range(4):
    lf.warning("n=%d", i)
logging.warning("root warning to stdout")
other = logging.getLogger("x.y.z")
print(other.parent.name)
mid = logging.getLogger("x.y")
print(other.parent.name, mid.parent.name)
fmt = logging.Formatter("%(message)s")
rec = logging.LogRecord("n", logging.INFO, None, None, "a %s b", ("X",), None)
print(fmt.format(rec), rec.levelname, rec.getMessage())
logging.getLogger("last").error("final error line")
errors = logging.getLogger("errors")
errors.propagate = False
errors.addHandler(logging.StreamHandler(sys.stderr))
try:
    raise ZeroDivisionError("division by zero")
except ZeroDivisionError:
    errors.exception("failed")
