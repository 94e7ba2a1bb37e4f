# A child that awaits an inner gather: the inner gather is its own site;
# in the outer one the child's wait is completed by another task ("task").
import asyncio
import time


async def leaf(d):
    await asyncio.sleep(d)
    time.sleep(0.25)


async def branch():
    time.sleep(0.5)
    await asyncio.gather(leaf(1), leaf(2))
    time.sleep(0.5)


async def other():
    time.sleep(1)
    await asyncio.sleep(0)
    await asyncio.sleep(4)


async def main():
    await asyncio.gather(branch(), other())


asyncio.run(main())
