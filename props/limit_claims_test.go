package props_test

import "testing"

// The verdicts and minimal counterexamples of the claims under a limit
// (model/SEMANTICS.md §S17; props/limit.go), pinned like the others
// (claims_test.go); checkClaim replays every counterexample on CPython.
func init() {
	for id, p := range map[string]struct{ verdict, minimal string }{
		"lif-beats-sif-equal-cpu-semaphore-2":    {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":1},{"sleep":1},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":1},{"cpu":1}]},{"name":"c","steps":[{"cpu":1},{"sleep":2},{"cpu":1}]}]}`},
		"sif-worst-equal-cpu-semaphore-2":        {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":1},{"sleep":1},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":1},{"cpu":1}]},{"name":"c","steps":[{"cpu":1},{"sleep":2},{"cpu":1}]}]}`},
		"lif-optimal-no-post-cpu-semaphore-2":    {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"c","steps":[{"cpu":1},{"sleep":1},{"cpu":0}]}]}`},
		"lif-minimizes-last-io-semaphore-2":      {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"c","steps":[{"cpu":0},{"sleep":1},{"cpu":1}]}]}`},
		"hop-makes-order-irrelevant-semaphore-2": {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":0},{"io":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"io":0},{"sleep":1},{"cpu":0}]},{"name":"c","steps":[{"cpu":0},{"io":0},{"sleep":2},{"cpu":0}]}]}`},
		"ltotal-beats-lif-semaphore-2":           {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"c","steps":[{"cpu":1},{"sleep":1},{"cpu":0}]}]}`},
		"ltotal-within-graham-lpt-semaphore-2":   {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"c","steps":[{"cpu":1},{"sleep":1},{"cpu":0}]}]}`},
		"any-order-within-1.5x-semaphore-2":      {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"sleep":1},{"cpu":1}]},{"name":"c","steps":[{"cpu":0},{"sleep":2},{"cpu":1}]}]}`},
		"any-order-within-graham-semaphore-3":    {"refuted", `{"unit":"ns","limit":{"kind":"semaphore","k":3},"tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"c","steps":[{"cpu":0},{"sleep":2},{"cpu":0}]},{"name":"d","steps":[{"cpu":1},{"sleep":1},{"cpu":0}]}]}`},
		"any-order-within-1.5x-workers-2":        {"refuted", `{"unit":"ns","limit":{"kind":"workers","k":2},"tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":0}]},{"name":"b","steps":[{"cpu":0},{"sleep":1},{"cpu":1}]},{"name":"c","steps":[{"cpu":0},{"sleep":2},{"cpu":1}]}]}`},
		"any-order-within-2x-semaphore-2":        {"holds", ""},
		"semaphore-1-order-free":                 {"holds", ""},
		"workers-1-order-free":                   {"holds", ""},
	} {
		pinned[id] = p
	}
}

func TestLIFBeatsSIFEqualCPUSemaphore2(t *testing.T) {
	checkClaim(t, "lif-beats-sif-equal-cpu-semaphore-2")
}
func TestSIFWorstEqualCPUSemaphore2(t *testing.T) { checkClaim(t, "sif-worst-equal-cpu-semaphore-2") }
func TestLIFOptimalNoPostCPUSemaphore2(t *testing.T) {
	checkClaim(t, "lif-optimal-no-post-cpu-semaphore-2")
}
func TestLIFMinimizesLastIOSemaphore2(t *testing.T) {
	checkClaim(t, "lif-minimizes-last-io-semaphore-2")
}
func TestHopMakesOrderIrrelevantSemaphore2(t *testing.T) {
	checkClaim(t, "hop-makes-order-irrelevant-semaphore-2")
}
func TestLongestTotalBeatsLIFSemaphore2(t *testing.T) { checkClaim(t, "ltotal-beats-lif-semaphore-2") }
func TestLongestTotalWithinGrahamLPTSemaphore2(t *testing.T) {
	checkClaim(t, "ltotal-within-graham-lpt-semaphore-2")
}
func TestAnyOrderWithinGrahamSemaphore2(t *testing.T) {
	checkClaim(t, "any-order-within-1.5x-semaphore-2")
}
func TestAnyOrderWithinGrahamSemaphore3(t *testing.T) {
	checkClaim(t, "any-order-within-graham-semaphore-3")
}
func TestAnyOrderWithinGrahamWorkers2(t *testing.T) { checkClaim(t, "any-order-within-1.5x-workers-2") }
func TestAnyOrderWithin2xSemaphore2(t *testing.T)   { checkClaim(t, "any-order-within-2x-semaphore-2") }
func TestSemaphore1OrderFree(t *testing.T)          { checkClaim(t, "semaphore-1-order-free") }
func TestWorkers1OrderFree(t *testing.T)            { checkClaim(t, "workers-1-order-free") }
