# A gather inside a TaskGroup (Python 3.11 and later), and a named task.
import asyncio
import time


async def fetch(d):
    time.sleep(0.5)
    await asyncio.sleep(d)


async def pair():
    await asyncio.gather(fetch(1), fetch(3))


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(pair(), name="pair")
        tg.create_task(fetch(2))


asyncio.run(main())
