"""aiohttp with one ClientSession whose connector already holds a
keep-alive connection per task (a warm-up gather) before each timed
gather."""

import asyncio
import time

import aiohttp

from common import args, cpu, report

a = args()


async def fetch(session, path):
    async with session.get(a.url + path) as r:
        r.raise_for_status()
        await r.read()


async def work(session, d):
    cpu(a)
    await fetch(session, "/delay/%d" % round(d * a.unit * 1000))
    cpu(a)


async def main():
    async with aiohttp.ClientSession() as session:
        for rep in range(a.reps):
            await asyncio.gather(*[fetch(session, "/delay/0") for _ in a.delays])  # warm-up
            t0 = time.perf_counter_ns()
            await asyncio.gather(*[work(session, d) for d in a.delays])  # the gather
            report(rep, t0)


asyncio.run(main())
