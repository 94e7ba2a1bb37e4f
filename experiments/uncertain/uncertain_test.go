package uncertain

import (
	"bytes"
	"math"
	"math/big"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

var small = Config{Workloads: Default.Workloads[:1], CVs: []int{0, 100}, Samples: 300, Seed: 3}

// At v = 0 every number is exact: the seed workload's given order takes
// 9 s, LIF and best 7 s, a random order 49/6 s on average (the mean over
// the six orders, simulated independently here); the gains follow
// (to float64 rounding).
func TestConstantPointIsExact(t *testing.T) {
	rows, err := Run(small)
	if err != nil {
		t.Fatal(err)
	}
	w := Build(Default.Workloads[0], 0)
	if w.Uncertain() {
		t.Fatal("v = 0 built random waits")
	}
	sum := model.Duration(0)
	order.ForEachPerm(3, func(p []int) { sum += model.Simulate(w, p).Makespan })
	random, _ := big.NewRat(int64(sum), 6).Float64()
	want := map[string]model.Duration{"given": 9e9, "lif-mean": 7e9, "lif-median": 7e9, "best": 7e9, "clairvoyant": 7e9}
	for _, r := range rows[:len(Policies)] {
		if r.CV != 0 {
			t.Fatalf("row %+v", r)
		}
		if r.Policy == "random" {
			if math.Abs(float64(r.Expected)-random) > 1 {
				t.Errorf("random: %d, want %v", r.Expected, random)
			}
			continue
		}
		if r.Expected != want[r.Policy] || r.Lo != r.Expected || r.Hi != r.Expected {
			t.Errorf("%s: %+v, want %d exactly", r.Policy, r, want[r.Policy])
		}
		if g := 100 * (1 - float64(want[r.Policy])/random); math.Abs(g-r.Gain) > 1e-9 || math.Abs(r.GainLo-g) > 1e-9 || math.Abs(r.GainHi-g) > 1e-9 {
			t.Errorf("%s: gain %v [%v, %v], want %v", r.Policy, r.Gain, r.GainLo, r.GainHi, g)
		}
	}
}

// With random waits no policy expects less than the clairvoyant optimum
// (it is the least on every scenario), every interval holds its estimate,
// and the CSV is deterministic.
func TestRandomPointOrdering(t *testing.T) {
	rows, err := Run(small)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]Row{}
	for _, r := range rows[len(Policies):] {
		at[r.Policy] = r
	}
	for _, p := range Policies {
		if at[p].Expected < at["clairvoyant"].Expected {
			t.Errorf("%s expects %d < clairvoyant %d", p, at[p].Expected, at["clairvoyant"].Expected)
		}
		if r := at[p]; !(r.Lo <= r.Expected && r.Expected <= r.Hi && r.GainLo <= r.Gain && r.Gain <= r.GainHi) {
			t.Errorf("%s: interval does not hold its estimate: %+v", p, r)
		}
	}
	var a, b bytes.Buffer
	rows2, _ := Run(small)
	if err := WriteCSV(&a, rows); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&b, rows2); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("two runs differ")
	}
}

// Build's log-normal has the requested coefficient of variation: the
// sample CV of 20,000 draws of a median-1 s wait at v = 1 is within 0.1
// of 1 (the seed is fixed, so this is deterministic).
func TestBuildCoefficientOfVariation(t *testing.T) {
	w := Build(Workload{Name: "x", C: 0, Medians: []model.Duration{1e9}}, 100)
	s, err := model.Draw(w, 20000, 9, 0)
	if err != nil {
		t.Fatal(err)
	}
	var sum, sq float64
	for k := 0; k < s.N; k++ {
		x := float64(s.D[3*k+1])
		sum += x
		sq += x * x
	}
	m := sum / float64(s.N)
	cv := math.Sqrt(sq/float64(s.N)-m*m) / m
	if math.Abs(cv-1) > 0.1 {
		t.Fatalf("sample CV %v, want 1", cv)
	}
}
