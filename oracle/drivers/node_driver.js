#!/usr/bin/env node
// Run gatherorder workloads on the real Node.js event loop, on the wall
// clock, and report each task's finish time (plain Node, no npm packages).
//
// Each workload is `await Promise.all(tasks.map(run))` over async functions,
// in the order of "tasks" (model/SEMANTICS.md §S15.1):
//   cpu d       a synchronous busy wait of d ns on process.hrtime
//   sleep d>0   await new Promise(r => setTimeout(r, d / 1e6))
//   sleep 0     await new Promise(r => setImmediate(r))
//   io d        await a 'data' event on a loopback TCP socket whose peer
//               gets one byte d after the await starts: written at once for
//               io 0, else by a worker thread at that CLOCK_MONOTONIC instant
// The first steps run from a setImmediate callback that starts within 50 us
// after a whole millisecond of CLOCK_MONOTONIC, the clock libuv's loop time
// counts in whole ms (model/SEMANTICS.md §S15.1). One connection per io step
// is made before each run (accepted with pauseOnCreate, so that the socket
// is watched only from its await on) and closed after it.
//
// Protocol (oracle/drivers/README.md): JSON lines on stdin, one workload per
// line, durations in integer ns; one line out per line in:
//   {"id": 7, "runs": [{"finish": {"a": 70912345}, "makespan": 70912345}, ...],
//    "ns_per_unit": 1, "loop": "node", "node": "20.20.2", "libuv": "1.46.0"}
// Times are integer ns of wall time since the first steps began. A bad line
// gives {"id": <id or null>, "error": "<one line>"}; exit status 0 at EOF.
//
//   node [--expose-gc] node_driver.js [--repeat K] [--ns-per-unit N] [--cpu busy|block]
'use strict';

const fs = require('fs');
const net = require('net');
const readline = require('readline');
const { Worker } = require('worker_threads');

function usage(msg) {
  process.stderr.write(`node_driver.js: ${msg}\nusage: node node_driver.js [--repeat K] [--ns-per-unit N]\n`);
  process.exit(2);
}

let repeat = 1;
let scale = 1n;
let blockCPU = false;
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const v = process.argv[++i];
  if (a === '--cpu') {
    if (v !== 'busy' && v !== 'block') usage('--cpu is busy or block');
    blockCPU = v === 'block';
    continue;
  }
  if (v === undefined || !/^[0-9]+$/.test(v)) usage(`${a} needs a non-negative integer`);
  if (a === '--repeat') repeat = Number(v);
  else if (a === '--ns-per-unit') scale = BigInt(v);
  else usage(`unknown option ${a}`);
}
// --cpu block: cpu d blocks the thread in Atomics.wait instead of spinning,
// as time.sleep does in the asyncio driver; the loop is blocked all the
// same, but the process does not compete for a core meanwhile.
const blocker = new Int32Array(new SharedArrayBuffer(4));
if (repeat < 1) usage('--repeat must be >= 1');

const hr = process.hrtime.bigint;
const ONE = Buffer.from([1]);

// The writer thread stands in for the network. Requests go through shared
// memory only (no messages), so it never wakes the main loop: ctl[0] counts
// the requests written, slot i % RING holds the i-th (fd, due ns).
const RING = 1024;
const ctl = new Int32Array(new SharedArrayBuffer(4 * (1 + RING)));
const dues = new BigInt64Array(new SharedArrayBuffer(8 * RING));
const writer = new Worker(`
  const { workerData } = require('worker_threads');
  const fs = require('fs');
  const { ctl, dues, RING } = workerData;
  const hr = process.hrtime.bigint;
  const one = Buffer.from([1]);
  const pending = []; // [due, fd], sorted by due
  let seen = 0;
  for (;;) {
    while (seen < Atomics.load(ctl, 0)) {
      const k = seen % RING;
      const item = [dues[k], ctl[1 + k]];
      let j = pending.length;
      while (j > 0 && pending[j - 1][0] > item[0]) j--;
      pending.splice(j, 0, item);
      seen++;
    }
    if (pending.length === 0) { Atomics.wait(ctl, 0, seen); continue; }
    const left = pending[0][0] - hr();
    if (left > 2000000n) { Atomics.wait(ctl, 0, seen, Number(left - 1000000n) / 1e6); continue; }
    if (left > 0n) continue; // spin the last millisecond
    const [, fd] = pending.shift();
    try { fs.writeSync(fd, one); } catch (e) { /* the run is over */ }
  }
`, { eval: true, workerData: { ctl, dues, RING } });
writer.unref();

function writeAt(due, fd) {
  const n = Atomics.load(ctl, 0);
  dues[n % RING] = due;
  ctl[1 + (n % RING)] = fd;
  Atomics.add(ctl, 0, 1);
  Atomics.notify(ctl, 0);
}

// One listening socket for the whole process; the connections of a run
// are made one at a time, so that each accepted socket pairs with its
// client.
const server = net.createServer({ pauseOnCreate: true });
const accepted = [];
server.on('connection', (s) => { accepted.push(s); });

function connectPair(port) {
  return new Promise((resolve, reject) => {
    const cli = net.connect({ port, host: '127.0.0.1' });
    cli.on('error', reject);
    cli.once('connect', () => {
      const poll = () => {
        if (accepted.length > 0) resolve({ srv: accepted.shift(), cli });
        else setImmediate(poll);
      };
      poll();
    });
  });
}

function parseWorkload(obj) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('workload must be a JSON object');
  if (!Array.isArray(obj.tasks)) throw new Error('workload needs a "tasks" list');
  const seen = new Set();
  return obj.tasks.map((t, ti) => {
    if (t === null || typeof t !== 'object' || typeof t.name !== 'string') throw new Error(`task ${ti}: needs a string "name"`);
    if (seen.has(t.name)) throw new Error(`task ${ti}: duplicate name ${JSON.stringify(t.name)}`);
    seen.add(t.name);
    const steps = t.steps === undefined ? [] : t.steps;
    if (!Array.isArray(steps)) throw new Error(`task ${JSON.stringify(t.name)}: "steps" must be a list`);
    return {
      name: t.name,
      steps: steps.map((st, si) => {
        const keys = st !== null && typeof st === 'object' ? Object.keys(st) : [];
        if (keys.length !== 1 || !['cpu', 'sleep', 'io'].includes(keys[0])) {
          throw new Error(`task ${JSON.stringify(t.name)} step ${si}: a step is one of {"cpu": d}, {"sleep": d}, {"io": d}`);
        }
        const d = st[keys[0]];
        if (!Number.isSafeInteger(d) || d < 0) throw new Error(`task ${JSON.stringify(t.name)} step ${si}: duration must be a non-negative integer, got ${JSON.stringify(d)}`);
        return [keys[0], BigInt(d) * scale];
      }),
    };
  });
}

async function runTask(task, pairs, finish, t0) {
  for (const [kind, d] of task.steps) {
    if (kind === 'cpu') {
      const end = hr() + d;
      if (blockCPU && d > 0n) Atomics.wait(blocker, 0, 0, Number(d) / 1e6);
      while (hr() < end);
    } else if (kind === 'sleep') {
      if (d > 0n) await new Promise((r) => setTimeout(r, Number(d) / 1e6));
      else await new Promise((r) => setImmediate(r));
    } else {
      const { srv, cli } = pairs.shift();
      const data = new Promise((r) => { srv.once('data', r); srv.resume(); });
      if (d > 0n) writeAt(hr() + d, cli._handle.fd);
      else fs.writeSync(cli._handle.fd, ONE);
      await data;
    }
  }
  finish[task.name] = Number(hr() - t0.at);
}

async function runOnce(tasks) {
  const nio = tasks.reduce((n, t) => n + t.steps.filter(([k]) => k === 'io').length, 0);
  const pairs = [];
  for (let i = 0; i < nio; i++) pairs.push(await connectPair(server.address().port));
  const all = pairs.slice();
  if (global.gc) global.gc();
  const finish = {};
  for (const t of tasks) finish[t.name] = null;
  const t0 = { at: 0n };
  await new Promise((resolve, reject) => {
    setImmediate(() => {
      // The first steps run from this check-phase callback, as from the
      // main script: next come the timers, then the first poll.
      while (hr() % 1000000n >= 50000n);
      t0.at = hr();
      Promise.all(tasks.map((t) => runTask(t, pairs, finish, t0))).then(resolve, reject);
    });
  });
  for (const { srv, cli } of all) { srv.destroy(); cli.destroy(); }
  const makespan = Object.values(finish).reduce((a, b) => Math.max(a, b), 0);
  return { finish, makespan };
}

async function handle(line) {
  let id = null;
  try {
    let obj;
    try { obj = JSON.parse(line); } catch (e) { throw new Error(`bad JSON: ${e.message}`); }
    if (obj !== null && typeof obj === 'object' && 'id' in obj) id = obj.id;
    const tasks = parseWorkload(obj);
    const runs = [];
    for (let k = 0; k < repeat; k++) runs.push(await runOnce(tasks));
    return JSON.stringify({
      id, runs, ns_per_unit: Number(scale), loop: 'node',
      node: process.version.replace(/^v/, ''), libuv: process.versions.uv,
    });
  } catch (e) {
    return JSON.stringify({ id, error: String(e && e.message ? e.message : e).split(/\s+/).join(' ') });
  }
}

server.listen(0, '127.0.0.1', async () => {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  const lines = [];
  let wake = null;
  let ended = false;
  rl.on('line', (l) => { lines.push(l); if (wake) { wake(); wake = null; } });
  rl.on('close', () => { ended = true; if (wake) { wake(); wake = null; } });
  for (;;) {
    while (lines.length === 0 && !ended) await new Promise((r) => { wake = r; });
    if (lines.length === 0) break;
    const line = lines.shift();
    if (line.trim() === '') continue;
    process.stdout.write((await handle(line)) + '\n');
  }
  server.close();
  process.exit(0);
});
