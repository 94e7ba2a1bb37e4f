"""The asker's last variant: time.sleep CPU phases and a new
httpx.AsyncClient per request."""

import asyncio
import time

import httpx

from common import args, cpu, report

a = args()


async def work(d):
    cpu(a)
    async with httpx.AsyncClient() as client:
        r = await client.get("%s/delay/%d" % (a.url, round(d * a.unit * 1000)))
        r.raise_for_status()
    cpu(a)


async def main():
    for rep in range(a.reps):
        t0 = time.perf_counter_ns()
        await asyncio.gather(*[work(d) for d in a.delays])  # the gather
        report(rep, t0)


asyncio.run(main())
