// Package realworld rebuilds the seed thread's setups with the real
// libraries (httpx, psycopg and PostgreSQL, aiohttp, Flask), records each
// with the recorder (package record), predicts every gather order with the
// model from the recording, runs every order for real, and writes measured
// against predicted (experiments/data/realworld.csv, with the merged
// recordings in experiments/data/realworld). make realworld installs what
// it needs (scripts/setup-realworld.sh: Debian's python3 with the
// libraries, and PostgreSQL) and runs cmd/realworld.
//
// # The setups
//
// Each client in scripts/ is an ordinary asyncio program that gathers
// three tasks, one per wait of 5, 3 and 1 units (the thread's 1 s scaled to
// a unit of 100 ms): a CPU phase of one unit, the request, a CPU phase of
// one unit. Setups (Setups):
//
//	httpx-shared-client           the asker's httpx client: one shared AsyncClient, created
//	                              cold before the gather (Flask /delay/N server, scripts/delay_server.py)
//	psycopg-connection-per-query  the asker's PostgreSQL setup: a new psycopg.AsyncConnection
//	                              per query, SELECT pg_sleep(d) (a cluster in a temporary directory)
//	httpx-client-per-request      the asker's last variant: a new AsyncClient per request (Flask)
//	httpx-pooled-warm             one AsyncClient whose pool holds a kept-alive connection per
//	                              task (a warm-up gather first; experiments/hop's Go server: the
//	                              Flask development server closes every connection)
//	aiohttp-pooled-warm           the same with one aiohttp ClientSession
//	httpx-slow-connect            a new AsyncClient per request to an HTTPS server that answers
//	                              each TLS handshake one unit late (servers.go): connection set-up
//	                              that takes real time
//	httpx-pooled-warm-real-cpu    httpx-pooled-warm with real CPU work (JSON parsing and
//	                              SHA-256, a fixed amount calibrated to about one unit) instead
//	                              of time.sleep
//
// The CPU phases are time.sleep(unit) except in the last setup. Each setup
// runs in rounds (5; 15 for real CPU work): a recorded run in the order
// 5, 3, 1 (gatherorder's recorder, unchanged program), then one real run of
// each of the 6 orders, so that a drift of the machine touches the
// recording and every order alike. The prediction of an order is the
// median, over the recorded calls, of the model's makespan of that call's
// workload with the tasks permuted (record.Gather.CallWorkload); the
// measured value is the median of the real runs (the program's own clock,
// from just before the gather to just after it).
//
// # What the recordings show
//
// The column waits_before of the recorded rows counts, per task, the waits
// before its longest one and how many of them were zero-length loop turns:
//
//	httpx 0.23 (httpcore 0.16, anyio 3.6): 6 to 18 waits before the
//	    request's reply, all or all but one of them zero-length turns
//	    (anyio's checkpoints, the pool's lock, a connection's set-up in an
//	    anyio helper task), with a cold pool, a new client per request and
//	    a warm pool alike: yes, a
//	    pooled request's wait is still preceded by loop turns, 6, 14 and 10
//	    for the tasks at positions 1, 2 and 3 (the pool's lock passes from
//	    one to the next)
//	psycopg 3.1: 5 waits before the query's, the connection's set-up
//	    through the selector (connect, start-up, authentication), each
//	    costing loop turns (model/SEMANTICS.md §S7)
//	httpx with the late TLS handshake: 13 waits, 11 of them turns, the
//	    others the connect and the handshake's wait of one unit
//	aiohttp 3.8 with a kept-alive connection: none; the request is written
//	    in the step that ran the CPU phase, and its wait starts at once
//
// So, with every library but aiohttp on a kept connection, no request
// leaves before every task's first CPU phase has run, whatever the order
// (the hop of experiments/hop), and the model predicts the same makespan
// for all 6 orders (within 3.4 ms); the measured medians agree, and no pair
// of orders separates beyond the noise. With aiohttp on a kept connection
// the model predicts the answer's order effect, longest wait first 708 ms
// against 908 ms shortest first (the thread's 7 s against 9 s), and the
// measurement is 706 ms against 905 ms: every one of the 11 pairs of
// orders whose runs do not overlap differs in the predicted direction, by
// 97 to 201 ms measured against 94 to 199 ms predicted. Reusing a
// connection is what lets the order matter at all, and only where the
// library writes the request without a loop turn; connect latency
// (httpx-slow-connect) is one more wait behind the turns and changes
// nothing about the order.
//
// # Errors and overhead (experiments/data/realworld.csv)
//
// Prediction errors, median measured against predicted, per order (waits
// in units, in gather order), and on the recorded row: overhead (the
// recorded runs' median makespan against the real runs' of the same
// order), accounted (the recorder's hook invocations times their measured
// cost, record.Raw.EventPS, in percent of the call: below 0.005 % in every
// setup), replay (the largest error of the model replaying a recorded call
// against that call's measured makespan) and cpu± (the spread of the
// recorded calls' total CPU time):
//
//	setup                        531    513    351    315    153    135   overhead replay  cpu±
//	httpx-shared-client         -1.09  -0.61  -0.06  -0.56   0.04   0.91    1.80  -0.95    4.80
//	psycopg-connection-per-query -0.56 -0.03  -1.20   0.37  -0.58  -0.77    0.68  -0.38    3.68
//	httpx-client-per-request    -1.07  -2.99   1.77   0.28   2.72  -4.36    1.26  -0.24   10.76
//	httpx-pooled-warm           -0.16  -0.04   0.34   0.21   0.44  -0.09    0.25  -0.06    2.59
//	aiohttp-pooled-warm         -0.34   0.10  -0.17  -0.02  -0.34  -0.32    0.49  -0.13    4.02
//	httpx-slow-connect           0.25   0.99   0.54   0.23  -0.86  -0.82    0.01  -0.91    4.57
//	httpx-pooled-warm-real-cpu   4.95   2.71  20.17  19.58   7.73   6.13   -4.54  -0.67  119.32
//
// (percent; Python 3.11.2, AMD EPYC, 2 CPUs, load 4 to 6.4 from the other
// work on the machine, nice -10.) The targets: 38 of the 42 medians lie
// within 5 % of the prediction, and every order difference beyond the
// noise has the predicted direction; the recorder's overhead is within
// 2 % in 6 of the 7 setups, and its accounted cost is below 0.005 %
// everywhere.
//
// # Where the targets are missed
//
// The 4 misses are the real-CPU setup's (4.95 % to 20.17 %), and its
// overhead (-4.54 %: the recorded runs were faster) is no overhead: the
// same, fixed CPU work took from 78 to 407 ms per phase across its 15
// recorded runs (cpu± 119 %) and the real runs' makespans ranged from 976
// to 2529 ms, on a machine whose two CPUs the other work kept busy (the
// time.sleep setups, whose CPU phases do not compete for a CPU, vary by
// 2.6 % to 4.8 %, and by 10.8 % where creating an AsyncClient loads the
// certificate store). The model replays every recorded call of that setup
// within 0.67 % of its measured makespan: the workload it was given is
// right, but a recording of other runs cannot foresee how long a run's CPU
// work will take when the machine is shared. The model does not model this
// and should not: it is the machine, not the event loop. Earlier full runs
// on the same machine (not committed; the pooled setups then still on the
// Flask server) gave 40 of 42 within 5 % under a load of 3 and 36 of 42
// under 8 to 10, the misses again in the setups with real CPU work (the
// client creation and the calibrated work); one run that shared its CPUs
// with the recorder's own tests missed in the first setup, by the same
// mechanism.
//
// Two mechanisms the recorder had to be taught, found on these setups:
// Werkzeug's development server closes every connection (so the first
// pooled runs opened a new connection per request, which the recording
// showed as a connect and its hop); and a stream's socket that stays
// registered must be watched again only after its reader has read, or the
// readiness of the last reply is taken for the next reply's arrival
// (TestAKeptConnectionTimesEachReplyFromItsOwnWait in package record).
// What the model leaves out shows as the remaining error of the other
// setups, at most 4.36 % (httpx-client-per-request, whose client creation
// is CPU work too): the loop's own work between steps,
// which the model counts as free (model/SEMANTICS.md §S8), the servers
// sharing the two CPUs, and run-to-run noise.
package realworld
