"""A warm pooled client: one httpx.AsyncClient whose pool already holds a
keep-alive connection per task (a warm-up gather of /delay/0 requests)
before each timed gather. With --cpu work the CPU phases are real work."""

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
    async with httpx.AsyncClient() as client:
        for rep in range(a.reps):
            await asyncio.gather(*[client.get(a.url + "/delay/0") for _ in a.delays])  # warm-up
            t0 = time.perf_counter_ns()
            await asyncio.gather(*[work(client, d) for d in a.delays])  # the gather
            report(rep, t0)


asyncio.run(main())
