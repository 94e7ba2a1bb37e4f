// Package hop shows the hop effect with real sockets: the seed thread's
// asker gathered coroutines that each run CPU work, make an HTTP request
// on a new connection and run CPU work again, and measured no difference
// between gather orders. The exact loop model says why: opening a
// connection takes loop turns, so no request leaves before every task's
// first CPU phase is over, and all waits start together. The command is
// cmd/hop (make hop); the paper generator reads the committed
// experiments/data/hop.csv with this package.
//
// # The experiment
//
// Experiment (Measure, then the CSV and a summary) starts a Go delay
// Server on a random free 127.0.0.1 port (GET /delay/N answers after N ms;
// the seed's Flask server), runs client.py (standard library asyncio
// streams, the stock selector loop) with its program on stdin, and stops
// the server when the client exits or the timeout expires. The server
// answers exactly the number of requests the client is asked to make (503
// beyond), and every delay is capped (MaxDelayMS).
//
// The client gathers tasks a, b, c (CPU phase, request with delay L, CPU
// phase) longest delay first and shortest first (Orders), in two variants:
//
//	A  connect after the first CPU phase (the asker's new client per
//	   request): model cpu A; io 0; sleep 0; sleep 0; io L; cpu B
//	B  connect before it, write the request right after it:
//	   model io 0; sleep 0; sleep 0; cpu A; io L; cpu B
//
// # The models
//
// The hop io 0; sleep 0; sleep 0 is the 4 loop iterations that CPython
// 3.11's open_connection takes to 127.0.0.1 (ConnectHop), which the client
// measures on every run by counting _run_once calls (Run.Hops). Scenario
// builds the workloads and predicts both models' makespans. With CPU
// phases c and delays L_1 < L_2 < L_3 = 1, 3, 5 units:
//
//	naive (no hop), either variant: longest first 7c, shortest first 9c;
//	hop model, variant A: 9c in both orders (every request leaves at 3c);
//	hop model, variant B: 7c and 9c, like the naive model.
//
// # The file
//
// Row is one line of experiments/data/hop.csv (Header: variant, order,
// run, measured_ms, naive_ms, hop_ms, hops, python); Rows pairs the
// client's runs with the predictions, WriteCSV and ReadCSV write and read
// them (ReadCSV checks every field; errors name the file and line). Stats
// groups them per variant and order (median, min, max), WriteSummary
// prints those and each variant's order effect.
//
// # Tests
//
// The tests that run real sockets and assert on wall-clock times
// (TestRealSocketsShowTheHopEffect, TestClientTakesTheHopsTheModelEncodes,
// TestServerWaitsAtLeastTheDelay) run only with GATHERORDER_VERIFY=1
// (make hop, make verify), so that go test ./... never depends on the
// machine's load.
package hop
