package seed

import (
	"testing"

	"github.com/gatherorder/gatherorder/oracle"
)

// Every number in the seed tables is what real CPython 3.11 asyncio does
// with that workload under an exact virtual clock (package oracle): the
// predictions are the event loop's, not the model's approximations.
func TestSeedPredictionsAreCPythonsOwn(t *testing.T) {
	py, err := oracle.Start()
	if err != nil {
		t.Fatalf("%v (apt-get install python3)", err)
	}
	defer py.Close()
	for _, s := range Setups() {
		for _, m := range []Model{Naive, Hop} {
			w := s.Workload(m)
			o, err := py.Run(w, nil)
			if err != nil {
				t.Fatal(err)
			}
			if d := oracle.Diff(w, Predict(s, m).Result, o); d != "" {
				t.Errorf("%s/%s, %s model: model and CPython differ:\n%s", s.Experiment, s.Order, m, d)
			}
		}
	}
}
