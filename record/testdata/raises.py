# Two gathers, then an exception: the recording keeps both gathers, the
# traceback and the exit status (1) are Python's.
import asyncio
import time


async def work(d):
    time.sleep(d)
    await asyncio.sleep(d)


async def main():
    await asyncio.gather(work(1), work(2))
    await asyncio.gather(work(0.5))
    raise ValueError("the program's own error")


asyncio.run(main())
