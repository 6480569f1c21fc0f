import asyncio, sys
async def main():
    print("exiting")
    sys.exit(3)
asyncio.run(main())
