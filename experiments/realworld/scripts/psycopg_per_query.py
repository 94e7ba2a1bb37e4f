"""The asker's PostgreSQL setup: a new psycopg.AsyncConnection per query,
SELECT pg_sleep(d)."""

import asyncio
import time

import psycopg

from common import args, cpu, report

a = args()


async def work(d):
    cpu(a)
    async with await psycopg.AsyncConnection.connect(a.dsn) as conn:
        await conn.execute("SELECT pg_sleep(%s)", (d * a.unit,))
    cpu(a)


async def main():
    for rep in range(a.reps):
        t0 = time.perf_counter_ns()
        await asyncio.gather(*[work(d) for d in a.delays])  # the gather
        report(rep, t0)


asyncio.run(main())
