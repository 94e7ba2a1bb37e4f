# A program that never calls asyncio.gather.
import asyncio


async def main():
    await asyncio.sleep(1)
    print("no gather here")


asyncio.run(main())
