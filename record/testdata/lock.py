# A task that waits for a lock its sibling releases one loop turn later:
# the wait is only the sibling's steps ("turn"), two iterations.
import asyncio
import time


async def holder(lock):
    async with lock:
        time.sleep(1)
        await asyncio.sleep(0)
    time.sleep(0.5)


async def waiter(lock):
    time.sleep(0.25)
    async with lock:
        time.sleep(0.25)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(holder(lock), waiter(lock))


asyncio.run(main())
