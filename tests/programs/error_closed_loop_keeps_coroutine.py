import asyncio
loop = asyncio.new_event_loop()
loop.close()
loop.run_until_complete(asyncio.sleep(0))
