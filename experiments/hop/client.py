#!/usr/bin/env python3
"""The asker's scenario on real sockets, standard library only.

Each task runs a CPU phase (time.sleep), an HTTP request to the Go server's
/delay/N on 127.0.0.1 over a NEW connection (asyncio.open_connection), and a
second CPU phase; the tasks are gathered longest wait first and shortest
first. Two variants:

  A  connect after the first CPU phase (the asker's last edit: a new client
     per request, created after time.sleep(1));
  B  connect before the first CPU phase, write the request right after it.

The loop is CPython's selector loop with _run_once counted, so each task
reports the number of loop iterations its connection set-up took (hops).
One JSON line per run on stdout:

  {"variant": "A", "order": "longest-first", "run": 1, "makespan_ns": ...,
   "finish_ns": {"c": ...}, "hops": {"c": 4, ...}, "python": "3.11.7"}

Times are integer ns of time.perf_counter_ns since just before gather.
On any error: one line {"error": "..."} and exit status 1.
"""

import argparse
import asyncio
import gc
import json
import platform
import sys
import time


class CountingLoop(asyncio.SelectorEventLoop):
    """The stock selector loop; iteration counts _run_once calls."""

    iteration = 0

    def _run_once(self):
        self.iteration += 1
        super()._run_once()


async def request(reader, writer, delay_ms):
    writer.write(b"GET /delay/%d HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" % delay_ms)
    head = await reader.readuntil(b"\r\n\r\n")
    status = head.split(b"\r\n", 1)[0]
    if b" 200 " not in status:
        raise RuntimeError("server answered %r" % status.decode("latin-1"))
    length = None
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            length = int(v)
    if length is None:
        raise RuntimeError("response without Content-Length")
    await reader.readexactly(length)
    writer.close()  # no await: closing costs the task no loop turn


async def task(loop, variant, port, cpu_s, delay_ms, t0, out, name):
    if variant == "B":
        start = loop.iteration
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        out["hops"][name] = loop.iteration - start
        time.sleep(cpu_s)
    else:
        time.sleep(cpu_s)
        start = loop.iteration
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        out["hops"][name] = loop.iteration - start
    await request(reader, writer, delay_ms)
    time.sleep(cpu_s)
    out["finish_ns"][name] = time.perf_counter_ns() - t0


async def one_run(variant, port, cpu_s, tasks, timeout):
    loop = asyncio.get_running_loop()
    out = {"finish_ns": {}, "hops": {}}
    t0 = time.perf_counter_ns()
    coros = [task(loop, variant, port, cpu_s, ms, t0, out, name) for name, ms in tasks]
    await asyncio.wait_for(asyncio.gather(*coros), timeout)
    out["makespan_ns"] = time.perf_counter_ns() - t0
    out["finish_ns"] = {name: out["finish_ns"][name] for name, _ in tasks}
    out["hops"] = {name: out["hops"][name] for name, _ in tasks}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--cpu-ms", type=int, default=100)
    ap.add_argument("--delays-ms", default="100,300,500", help="delays of tasks a, b, c")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--variants", default="A,B")
    ap.add_argument("--timeout-s", type=float, default=30.0, help="per run")
    a = ap.parse_args()
    try:
        delays = [int(x) for x in a.delays_ms.split(",")]
        if not 1 <= len(delays) <= 26 or min(delays) < 0 or a.cpu_ms < 0 or not 1 <= a.runs <= 100:
            raise ValueError("bad --delays-ms, --cpu-ms or --runs")
        names = [chr(ord("a") + i) for i in range(len(delays))]
        shortest = sorted(zip(names, delays), key=lambda t: t[1])
        orders = {"longest-first": sorted(shortest, key=lambda t: -t[1]), "shortest-first": shortest}
        variants = a.variants.split(",")
        if any(v not in ("A", "B") for v in variants):
            raise ValueError("bad --variants %r (want A, B or A,B)" % a.variants)
        py = platform.python_version()
        # Runs interleave the orders so that slow drifts of the machine hit both alike.
        for run in range(1, a.runs + 1):
            for variant in variants:
                for order, tasks in orders.items():
                    loop = CountingLoop()
                    gc.collect()
                    gc.disable()
                    try:
                        out = loop.run_until_complete(one_run(variant, a.port, a.cpu_ms / 1000, tasks, a.timeout_s))
                    finally:
                        gc.enable()
                        loop.close()
                    line = {"variant": variant, "order": order, "run": run}
                    line.update(out)
                    line["python"] = py
                    print(json.dumps(line), flush=True)
    except Exception as e:  # one line for the orchestrator, never a traceback
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}), flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
