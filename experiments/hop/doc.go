// Command hop shows the hop effect with real sockets on this machine: the
// seed thread's asker gathered coroutines that each run CPU work, make an
// HTTP request on a new connection and run CPU work again, and measured
// no difference between gather orders. The exact loop model says why:
// opening a connection takes loop turns, so no request leaves before every
// task's first CPU phase is over, and all waits start together.
//
//	go run ./experiments/hop [-runs 5] [-cpu-ms 100] [-delays-ms 100,300,500] [-out experiments/data/hop.csv]
//
// It starts a Go delay server on a random free 127.0.0.1 port (GET
// /delay/N answers after N ms; the seed's Flask server), runs client.py
// (standard library asyncio streams, the stock selector loop) with its
// program on stdin, and stops the server when the client exits or the
// timeout expires. The server answers exactly the number of requests the
// client is asked to make (503 beyond), and every delay is capped.
//
// The client gathers tasks a, b, c (CPU phase, request with delay L, CPU
// phase) longest delay first and shortest first, in two variants:
//
//	A  connect after the first CPU phase (the asker's new client per
//	   request): model cpu A; io 0; sleep 0; sleep 0; io L; cpu B
//	B  connect before it, write the request right after it:
//	   model io 0; sleep 0; sleep 0; cpu A; io L; cpu B
//
// The hop io 0; sleep 0; sleep 0 is the 4 loop iterations that CPython
// 3.11's open_connection takes to 127.0.0.1 (see ConnectHop), which the
// client measures on every run by counting _run_once calls (the hops
// column). With CPU phases c and delays L_1 < L_2 < L_3 = 1, 3, 5 units:
//
//	naive (no hop), either variant: longest first 7c, shortest first 9c;
//	hop model, variant A: 9c in both orders (every request leaves at 3c);
//	hop model, variant B: 7c and 9c, like the naive model.
//
// Output: experiments/data/hop.csv (variant, order, run, measured_ms,
// naive_ms, hop_ms, hops, python) and a summary of medians, min and max
// per variant and order on stdout. Exit status 2 with one line on stderr
// on bad flags, a missing python3 or a failed run.
package main
