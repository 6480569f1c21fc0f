import asyncio(

x = 1
