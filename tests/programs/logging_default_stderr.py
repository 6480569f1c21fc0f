import asyncio
import logging

logger = logging.getLogger(__name__)

async def job(n):
    logger.info("job %d", n)
    await asyncio.sleep(0)
    if n == 2:
        logger.warning("job %d is slow", n)
    return n

async def main():
    print(await asyncio.gather(*(job(i) for i in range(3))))
    logging.error("root error %s", "here")

asyncio.run(main())
print("done")
logger.critical("the end")
