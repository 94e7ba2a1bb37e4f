package hop

import (
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// The naive and hop predictions of hop.csv are real CPython 3.11 asyncio's
// under an exact virtual clock (package oracle), for both variants and
// orders.
func TestPredictionsAreCPythonsOwn(t *testing.T) {
	py, err := oracle.Start()
	if err != nil {
		t.Fatalf("%v (apt-get install python3)", err)
	}
	defer py.Close()
	s := scenario(t, 100, 100, 300, 500)
	for _, v := range []Variant{ConnectAfterCPU, ConnectBeforeCPU} {
		for _, order := range Orders {
			for _, hop := range []bool{false, true} {
				w := s.Workload(v, order, hop)
				o, err := py.Run(w, nil)
				if err != nil {
					t.Fatal(err)
				}
				if d := oracle.Diff(w, model.Simulate(w, nil), o); d != "" {
					t.Errorf("%s %s hop=%v: model and CPython differ:\n%s", v, order, hop, d)
				}
			}
		}
	}
}
