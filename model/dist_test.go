package model_test

import (
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	. "github.com/gatherorder/gatherorder/model"
)

// The three distribution forms of model/SEMANTICS.md §S16 parse exactly,
// the nominal duration is the median, and Marshal round-trips them.
func TestParseDistributionForms(t *testing.T) {
	src := `{"unit": "ms", "tasks": [
	  {"name": "a", "steps": [{"cpu": 1}, {"io": {"samples": [0.8, 1.1, 2.5, 3]}}, {"cpu": 1}]},
	  {"name": "b", "steps": [{"cpu": 1}, {"sleep": {"median": 1, "p95": 4}}, {"cpu": 1}]},
	  {"name": "c", "steps": [{"cpu": {"max": 3, "min": 1.000001}}]},
	  {"name": "d", "steps": [{"cpu": 2}]}]}`
	w, err := Parse("u.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Workload{Unit: Millisecond, Tasks: []Task{
		{Name: "a", Steps: []Step{{CPU, 1e6}, {IO, 1.1e6}, {CPU, 1e6}},
			Dists: []Dist{{}, {Kind: Empirical, Samples: []Duration{0.8e6, 1.1e6, 2.5e6, 3e6}}, {}}},
		{Name: "b", Steps: []Step{{CPU, 1e6}, {Sleep, 1e6}, {CPU, 1e6}},
			Dists: []Dist{{}, {Kind: LogNormal, Median: 1e6, P95: 4e6}, {}}},
		{Name: "c", Steps: []Step{{CPU, 2000000}}, Dists: []Dist{{Kind: Uniform, Min: 1000001, Max: 3e6}}},
		{Name: "d", Steps: []Step{{CPU, 2e6}}},
	}}
	if !reflect.DeepEqual(w, want) {
		t.Fatalf("Parse = %+v\nwant %+v", w, want)
	}
	if !w.Uncertain() {
		t.Fatal("Uncertain() = false")
	}
	back, err := Parse("rt", Marshal(w))
	if err != nil || !reflect.DeepEqual(back, w) {
		t.Fatalf("round trip: %v\n%s", err, Marshal(w))
	}
	c, _ := Parse("c.json", []byte(`{"tasks": [{"name": "a", "steps": [{"cpu": 1}]}]}`))
	if c.Uncertain() {
		t.Fatal("a constant workload is Uncertain")
	}
}

// Bad distributions get one line naming the file, the task and the step.
func TestParseDistributionErrors(t *testing.T) {
	pre := `w.json: task "a" (#1), step 2 (sleep)`
	cases := []struct{ dist, want string }{
		{`{"samples": []}`, pre + `: empty "samples"`},
		{`{"samples": [1, -2]}`, pre + `: sample 2: negative duration -2`},
		{`{"samples": [1, "2"]}`, pre + `: sample must be a number, found string "2"`},
		{`{"median": 2, "p95": 1}`, pre + `: p95 1 s is less than the median 2 s`},
		{`{"median": 0, "p95": 1}`, pre + `: median 0 with p95 > 0`},
		{`{"median": -1, "p95": 1}`, pre + `: median: negative duration -1`},
		{`{"median": 1}`, pre + `: a log-normal needs both median and p95`},
		{`{"min": 3, "max": 1}`, pre + `: min 3 s is greater than max 1 s`},
		{`{"min": 1}`, pre + `: a uniform needs both min and max`},
		{`{"max": -1, "min": 0}`, pre + `: max: negative duration -1`},
		{`{"min": 1, "max": 2, "median": 1}`, pre + `: key "median" mixes distribution forms`},
		{`{"samples": [1], "min": 1}`, pre + `: key "min" mixes distribution forms`},
		{`{"mean": 1}`, pre + `: unknown key "mean" in a distribution`},
		{`{"min": 1, "min": 2}`, pre + `: repeated key "min"`},
		{`{}`, pre + `: empty distribution`},
		{`{"min": 0.0000000001, "max": 1}`, pre + `: min: duration 0.0000000001 has more fractional digits`},
		{`{"samples": [9223372037]}`, pre + `: sample 1: duration 9223372037: duration overflows`},
	}
	for _, c := range cases {
		src := `{"tasks": [{"name": "a", "steps": [{"cpu": 1}, {"sleep": ` + c.dist + `}]}]}`
		_, err := Parse("w.json", []byte(src))
		if err == nil {
			t.Errorf("Parse(%s) succeeded; want error %q", c.dist, c.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%s) error\n  %q\nwant prefix\n  %q", c.dist, err, c.want)
		}
	}
}

// p95 = median is the constant median, and draws consume no randomness.
func TestLogNormalEqualQuantilesIsConstant(t *testing.T) {
	w, err := Parse("w", []byte(`{"tasks": [{"name": "a", "steps": [{"sleep": {"median": 2, "p95": 2}}, {"io": {"samples": [1, 3]}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Draw(w, 50, 7, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The same draws of the second step as a workload without the constant
	// log-normal: the constant step took no randomness.
	w2, _ := Parse("w", []byte(`{"tasks": [{"name": "a", "steps": [{"sleep": 2}, {"io": {"samples": [1, 3]}}]}]}`))
	s2, _ := Draw(w2, 50, 7, 0)
	if !reflect.DeepEqual(s.D, s2.D) {
		t.Fatal("a constant log-normal changed the other steps' draws")
	}
	for k := 0; k < s.N; k++ {
		if s.D[2*k] != 2e9 {
			t.Fatalf("scenario %d: sleep %d, want 2e9", k, s.D[2*k])
		}
	}
}

// Draw is deterministic for a seed, streams differ, every draw lies in
// its distribution's support, and a scenario is a valid deterministic
// workload.
func TestDrawDeterministicAndInSupport(t *testing.T) {
	w, err := Parse("w", []byte(`{"unit": "ns", "tasks": [
	  {"name": "a", "steps": [{"cpu": {"min": 3, "max": 5}}, {"sleep": {"median": 100, "p95": 400}}]},
	  {"name": "b", "steps": [{"io": {"samples": [7, 9, 9]}}, {"cpu": 1}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s1, _ := Draw(w, 3000, 42, 0)
	s2, _ := Draw(w, 3000, 42, 0)
	s3, _ := Draw(w, 3000, 42, 1)
	if !reflect.DeepEqual(s1.D, s2.D) {
		t.Fatal("Draw is not deterministic")
	}
	if reflect.DeepEqual(s1.D, s3.D) {
		t.Fatal("streams 0 and 1 drew the same scenarios")
	}
	seen := map[Duration]int{}
	below := 0
	for k := 0; k < s1.N; k++ {
		sc := s1.Scenario(k)
		if sc.Uncertain() || sc.Validate() != nil {
			t.Fatalf("scenario %d is not a valid deterministic workload", k)
		}
		u, ln, e, c := sc.Tasks[0].Steps[0].D, sc.Tasks[0].Steps[1].D, sc.Tasks[1].Steps[0].D, sc.Tasks[1].Steps[1].D
		seen[u]++
		if u < 3 || u > 5 || (e != 7 && e != 9) || c != 1 || ln < 0 {
			t.Fatalf("scenario %d out of support: %v", k, sc.Tasks)
		}
		if ln <= 100 {
			below++
		}
	}
	if len(seen) != 3 {
		t.Fatalf("uniform 3..5 ns drew %v", seen)
	}
	// The median of the log-normal is 100: about half the draws (3000 draws:
	// 1500 ± 4.5 standard deviations of 27).
	if below < 1378 || below > 1622 {
		t.Fatalf("%d of 3000 log-normal draws at most the median", below)
	}
}

// The means are exact where the form allows.
func TestDistMean(t *testing.T) {
	cases := []struct {
		d    Dist
		want *big.Rat
	}{
		{Dist{Kind: Empirical, Samples: []Duration{1, 2, 4}}, big.NewRat(7, 3)},
		{Dist{Kind: Uniform, Min: 1, Max: 4}, big.NewRat(5, 2)},
		{Dist{Kind: LogNormal, Median: 5, P95: 5}, big.NewRat(5, 1)},
		{Dist{}, big.NewRat(9, 1)},
	}
	for _, c := range cases {
		if got := c.d.Mean(9); got.Cmp(c.want) != 0 {
			t.Errorf("%+v: mean %v, want %v", c.d, got, c.want)
		}
	}
	// Log-normal: median·exp(σ²/2) with σ = ln 4 / Z95.
	m, _ := Dist{Kind: LogNormal, Median: 1e9, P95: 4e9}.Mean(0).Float64()
	if m < 1.426e9 || m > 1.428e9 {
		t.Errorf("log-normal mean %v, want about 1.427e9", m)
	}
}

// FuzzUncertain: distributions parse without panics, accepted workloads
// round-trip, and their scenarios draw into valid deterministic workloads.
func FuzzUncertain(f *testing.F) {
	f.Add([]byte(`{"tasks": [{"name": "a", "steps": [{"cpu": 1}, {"io": {"samples": [0.8, 1.1, 2.5]}}, {"cpu": 1}]}]}`))
	f.Add([]byte(`{"unit": "ms", "tasks": [{"name": "b", "steps": [{"sleep": {"median": 1, "p95": 4}}]}]}`))
	f.Add([]byte(`{"unit": "ns", "tasks": [{"name": "c", "steps": [{"cpu": {"min": 1, "max": 3}}]}]}`))
	f.Add([]byte(`{"tasks": [{"name": "d", "steps": [{"cpu": {"min": 1, "median": 3}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := checkParse(t, data)
		if w == nil {
			return
		}
		s, err := Draw(w, 4, 1, 0)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		for k := 0; k < s.N; k++ {
			if sc := s.Scenario(k); sc.Validate() != nil || sc.Uncertain() {
				t.Fatalf("scenario %d invalid: %v", k, sc.Validate())
			}
		}
	})
}

// checkParse is the common body of the parser's fuzz targets: Parse never
// panics and its errors are one line; whatever it accepts is valid and
// survives a Marshal round trip unchanged. It returns the workload, or nil
// if Parse rejected data.
func checkParse(t *testing.T, data []byte) *Workload {
	t.Helper()
	w, err := Parse("fuzz", data)
	if err != nil {
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error: %q", err)
		}
		return nil
	}
	if err := w.Validate(); err != nil {
		t.Fatalf("Parse accepted an invalid workload: %v", err)
	}
	back, err := Parse("fuzz", Marshal(w))
	if err != nil || !reflect.DeepEqual(back, w) {
		t.Fatalf("round trip: %v\n%+v\n%+v", err, w, back)
	}
	return w
}

// Draw's scenarios are Dist.Draw's values, in the documented order: one
// generator, scenario by scenario, task by task, step by step.
func TestDrawIsDistDrawInOrder(t *testing.T) {
	w, _ := Parse("w", []byte(`{"unit": "ns", "tasks": [
	  {"name": "a", "steps": [{"sleep": {"median": 100, "p95": 400}}, {"cpu": 5}]},
	  {"name": "b", "steps": [{"io": {"min": 1, "max": 9}}, {"cpu": {"samples": [1, 2, 3]}}]}]}`))
	s, err := Draw(w, 100, 5, 2)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 2))
	for k := 0; k < s.N; k++ {
		i := 0
		for _, task := range w.Tasks {
			for j, st := range task.Steps {
				want, _ := task.Dists[j].Draw(r, st.D)
				if got := s.D[k*s.Steps+i]; got != want {
					t.Fatalf("scenario %d, value %d: %d, Dist.Draw %d", k, i, got, want)
				}
				i++
			}
		}
	}
}
