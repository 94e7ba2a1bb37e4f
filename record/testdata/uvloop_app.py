# The same program under uvloop (Debian's python3-uvloop): the recorder
# works with whatever loop the program installs.
import asyncio
import time

import uvloop


async def work(wait):
    time.sleep(0.01)
    await asyncio.sleep(wait)
    await asyncio.sleep(0)


async def main():
    await asyncio.gather(work(0.05), work(0.02))


uvloop.install()
asyncio.run(main())
