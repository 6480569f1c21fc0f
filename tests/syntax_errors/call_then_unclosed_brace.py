import asyncio
asyncio.run(main()){

print('done')
