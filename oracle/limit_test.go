package oracle_test

import (
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
)

// Claim: under a limit (a shared asyncio.Semaphore(k) or k workers on an
// asyncio.Queue, k = 1 to 3, model/SEMANTICS.md §S17), the model's runtime
// variant matches every CPython 3.8 to 3.13 with every spawn style
// exactly: every finish, the makespan and every CPU segment, on
// gen.LimitedCase (up to 10 tasks, all step kinds), gen.LimitedBusyCase
// (4 to 10 crowded tasks), and gen.AnyCase and gen.EqualDeadlinesCase
// under a limit (gen.WithLimit: durations to beyond the 24 h select cap,
// ties on purpose). The quick run checks 60 workloads per runtime (660 in
// all), GATHERORDER_VERIFY=1 2,000 per runtime (22,000).
func TestDifferentialLimitedEveryRuntime(t *testing.T) {
	n := verify.Pick(15, 500)
	for _, rc := range runtimeCases(t) {
		t.Run(rc.name(), func(t *testing.T) {
			t.Parallel()
			p := rc.start(t)
			diffRun(t, p, gen.LimitedCase(), 5_000_001, n, nil)
			diffRun(t, p, gen.LimitedBusyCase(), 6_000_001, n, nil)
			diffRun(t, p, gen.WithLimit(gen.AnyCase()), 7_000_001, n, nil)
			diffRun(t, p, gen.WithLimit(gen.EqualDeadlinesCase()), 8_000_001, n, nil)
		})
	}
}
