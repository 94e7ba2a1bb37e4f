package seed

import (
	"math/big"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// The asker's three setups (httpx with a shared client, a server gathering
// psycopg queries on new connections, httpx with a new client per request)
// all open a connection between the first CPU phase and the wait.
var askers = []string{"httpx-shared-client", "psycopg-server-gather", "httpx-client-per-request"}

// Tolerances chosen from the data (see the report in the package doc):
// the hop model's worst row over the asker's setups is 1.54 % (the 9.14 s
// run of the new-client-per-request setup, where creating a client per
// request adds real time the model does not have); the naive model's best
// experiment still misses one row by 14.45 %.
var (
	explains = big.NewRat(2, 100)  // a model explains an experiment: every row within 2 %
	misses   = big.NewRat(10, 100) // a model fails an experiment: some row off by 10 % or more
)

func fitsBy(t *testing.T) map[string]map[Model]Fit {
	rows, tasks := Tables(Setups())
	out := map[string]map[Model]Fit{}
	for _, f := range Fits(rows, tasks) {
		if out[f.Experiment] == nil {
			out[f.Experiment] = map[Model]Fit{}
		}
		out[f.Experiment][f.Model] = f
	}
	if len(out) != 4 {
		t.Fatalf("want the thread's 4 experiments, got %d", len(out))
	}
	return out
}

// Claim: the hop model explains the asker's measurements and the naive
// model does not. Every makespan and printed task duration of the three
// setups is within 2 % of the hop model, while the naive model misses each
// setup by at least 10 % somewhere.
func TestHopModelExplainsTheAskersMeasurements(t *testing.T) {
	fits := fitsBy(t)
	for _, e := range askers {
		h, n := fits[e][Hop], fits[e][Naive]
		t.Logf("%s: hop %s (%s), naive %s (%s)", e, Percent(h.Max), h.Worst, Percent(n.Max), n.Worst)
		if h.Max.Cmp(explains) > 0 {
			t.Errorf("%s: hop model off by %s at %s (tolerance %s)", e, Percent(h.Max), h.Worst, Percent(explains))
		}
		if n.Max.Cmp(misses) < 0 {
			t.Errorf("%s: naive model within %s everywhere; it was expected to miss by %s", e, Percent(n.Max), Percent(misses))
		}
	}
}

// Claim: the answer's asyncio.sleep example has no connection to open, and
// there the naive model is right (7 s against 9 s, within 1 %) and the hop
// model is wrong: the hop model is not a fudge that fits everything.
func TestNaiveModelExplainsTheAnswersSleepExample(t *testing.T) {
	f := fitsBy(t)["answer-sleep"]
	if f[Naive].Max.Cmp(big.NewRat(1, 100)) > 0 {
		t.Errorf("naive model off by %s at %s", Percent(f[Naive].Max), f[Naive].Worst)
	}
	if f[Hop].Max.Cmp(misses) < 0 {
		t.Errorf("hop model within %s on the sleep example", Percent(f[Hop].Max))
	}
	// The single timeit.repeat runs agree with the 5-run mean's model too.
	for _, s := range Setups() {
		for _, r := range s.Singles {
			if e := RelErr(r, Predict(s, Naive).Makespan); e.Cmp(big.NewRat(1, 100)) > 0 {
				t.Errorf("%s/%s single run %s: naive off by %s", s.Experiment, s.Order, decimal(r), Percent(e))
			}
		}
	}
}

// Claim: the explaining model is a lower bound of what was measured: real
// runs add interpreter, network and clock overheads, never take time away.
// Every row of each experiment lies at or above the prediction of the model
// that explains it.
func TestMeasurementsLieAboveTheExplainingModel(t *testing.T) {
	rows, tasks := Tables(Setups())
	pick := func(exp string, naive, hop model.Duration) model.Duration {
		if exp == "answer-sleep" {
			return naive
		}
		return hop
	}
	for _, r := range rows {
		if p := pick(r.Experiment, r.Naive, r.Hop); r.Measured.Cmp(seconds(p)) < 0 {
			t.Errorf("%s/%s: measured %s below prediction %s", r.Experiment, r.Order, decimal(r.Measured), model.Format(p, model.Second))
		}
	}
	for _, r := range tasks {
		if p := pick(r.Experiment, r.Naive, r.Hop); r.Measured.Cmp(seconds(p)) < 0 {
			t.Errorf("%s/%s task %s: measured %s below prediction %s", r.Experiment, r.Order, r.Task, decimal(r.Measured), model.Format(p, model.Second))
		}
	}
}

// The logs print phase durations without task names (the psycopg log) or
// with names only after the second phase (the httpx log); the measurements
// file maps them by the order of events: first phases in gather order,
// second phases in the order the IO completes. That mapping must not
// depend on the model: both models run the phases in the logged order.
func TestLoggedPhaseOrderIsWhatBothModelsRun(t *testing.T) {
	for _, s := range Setups() {
		if s.Experiment != "httpx-shared-client" && s.Experiment != "psycopg-server-gather" {
			continue
		}
		for _, m := range []Model{Naive, Hop} {
			w := s.Workload(m)
			last := len(w.Tasks[0].Steps) - 1
			var first, second []string
			for _, sg := range Predict(s, m).Result.Segments {
				if sg.Step == 0 {
					first = append(first, w.Tasks[sg.Task].Name)
				} else if sg.Step == last {
					second = append(second, w.Tasks[sg.Task].Name)
				}
			}
			if !slices.Equal(first, s.LogOrder1) || !slices.Equal(second, s.LogOrder2) {
				t.Errorf("%s/%s, %s model: phases run %v then %v; the log prints %v then %v",
					s.Experiment, s.Order, m, first, second, s.LogOrder1, s.LogOrder2)
			}
		}
	}
}
