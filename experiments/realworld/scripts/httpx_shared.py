"""The asker's httpx setup: one shared httpx.AsyncClient, created before
the gather (so its connections are opened inside it)."""

import asyncio
import time

import httpx

from common import args, cpu, report

a = args()


async def work(client, d):
    cpu(a)
    r = await client.get("%s/delay/%d" % (a.url, round(d * a.unit * 1000)))
    r.raise_for_status()
    cpu(a)


async def main():
    for rep in range(a.reps):
        async with httpx.AsyncClient() as client:
            t0 = time.perf_counter_ns()
            await asyncio.gather(*[work(client, d) for d in a.delays])  # the gather
            report(rep, t0)


asyncio.run(main())
