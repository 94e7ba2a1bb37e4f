package seed_test

import (
	"fmt"

	"github.com/gatherorder/gatherorder/experiments/seed"
	"github.com/gatherorder/gatherorder/model"
)

// The asker's last setup: time.sleep(1), then a request on a new client,
// then time.sleep(1). The naive model promises 7 s longest first; with the
// connection's loop turns every request starts at 3 s and both orders take
// 9 s, as the asker measured (9.07 s and 9.14 s).
func Example() {
	for _, s := range seed.Setups() {
		if s.Experiment != "httpx-client-per-request" {
			continue
		}
		n, h := seed.Predict(s, seed.Naive), seed.Predict(s, seed.Hop)
		fmt.Printf("%s: naive %s s, hop %s s\n", s.Order,
			model.Format(n.Makespan, model.Second), model.Format(h.Makespan, model.Second))
	}
	// Output:
	// shortest-first: naive 9 s, hop 9 s
	// longest-first: naive 7 s, hop 9 s
}
