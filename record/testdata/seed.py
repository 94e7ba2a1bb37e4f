# The seed thread's answer: 1 s of CPU, asyncio.sleep(L), 1 s of CPU,
# gathered shortest wait first. Under the virtual clock the recording is
# exactly cpu 1; sleep L; cpu 1 for L = 1, 3, 5.
import asyncio
import time


async def work(wait):
    time.sleep(1)
    await asyncio.sleep(wait)
    time.sleep(1)
    return wait


async def main():
    print(await asyncio.gather(work(1), work(3), work(5)))


asyncio.run(main())
