package model_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// outcomesString renders a distribution's outcomes as
// "(f1,f2,...) p; ..." with times in the workload's unit.
func outcomesString(w *Workload, os []Outcome) string {
	u := w.Unit
	if u == "" {
		u = Second
	}
	var b strings.Builder
	for k, o := range os {
		if k > 0 {
			b.WriteString("; ")
		}
		b.WriteByte('(')
		for i, f := range o.Finish {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(Format(f, u))
		}
		b.WriteByte(')')
		if o.P != nil {
			b.WriteString(" " + o.P.RatString())
		}
	}
	return b.String()
}

func makespansString(w *Workload, d *Distribution) string {
	var b strings.Builder
	for k, m := range d.Makespans() {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: %s", Format(m.Makespan, w.Unit), m.P.RatString())
	}
	return b.String()
}

// byNames is the order of the named tasks (one letter each).
func byNames(w *Workload, names string) []int {
	var order []int
	for _, c := range names {
		for i, t := range w.Tasks {
			if t.Name == string(c) {
				order = append(order, i)
			}
		}
	}
	return order
}

func seedTrio() *Workload {
	w := gen.JobsWorkload([]Job{{1e9, 5e9, 1e9}, {1e9, 3e9, 1e9}, {1e9, 1e9, 1e9}})
	w.Unit = Second
	return w
}

func dist(t *testing.T, w *Workload, order []int) *Distribution {
	t.Helper()
	d, err := Trio{}.Distribution(w, order)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Exact {
		t.Fatalf("not exact: %v", d)
	}
	return d
}

// Reference: model/SEMANTICS.md §S13: the seed example. Start order σ runs
// its first batch as σ or reversed, ½ each; abc and cba give 7 or 9 s,
// acb and bca 8 or 9 s (a coin at the tie at 6 s), bac and cab 8 s.
func TestTrioSeedExample(t *testing.T) {
	w := seedTrio()
	w.Tasks[0].Name, w.Tasks[1].Name, w.Tasks[2].Name = "a", "b", "c"
	for _, c := range []struct{ order, makespans, outcomes, expected string }{
		{"abc", "7: 1/2, 9: 1/2", "(7,6,5) 1/2; (9,6,4) 1/2", "8"},
		{"cba", "7: 1/2, 9: 1/2", "(7,6,5) 1/2; (9,6,4) 1/2", "8"},
		{"acb", "8: 1/2, 9: 1/2", "(7,8,4) 1/4; (8,7,4) 1/4; (9,5,4) 1/2", "8.5"},
		{"bca", "8: 1/2, 9: 1/2", "(7,8,4) 1/4; (8,7,4) 1/4; (9,5,4) 1/2", "8.5"},
		{"bac", "8: 1", "(8,5,6) 1/4; (8,6,5) 1/4; (8,7,4) 1/2", "8"},
		{"cab", "8: 1", "(8,5,6) 1/4; (8,6,5) 1/4; (8,7,4) 1/2", "8"},
	} {
		d := dist(t, w, byNames(w, c.order))
		if got := makespansString(w, d); got != c.makespans {
			t.Errorf("%s: makespans %s, want %s", c.order, got, c.makespans)
		}
		if got := outcomesString(w, d.Outcomes); got != c.outcomes {
			t.Errorf("%s: outcomes %s, want %s", c.order, got, c.outcomes)
		}
		if got := FormatRat(d.Expected(), w.Unit); got != c.expected {
			t.Errorf("%s: expected makespan %s, want %s", c.order, got, c.expected)
		}
	}
}

// Reference: model/SEMANTICS.md §S13, the predictions of its examples: a
// timer expiring with a leftover checkpoint (3/4 against 1/4), an arrival
// against two checkpoints, three equal deadlines, two checkpoints, and the
// IO wake that outruns two checkpoints (CPython's (3,2) is impossible).
func TestTrioPredictions(t *testing.T) {
	for _, c := range []struct {
		name   string
		tasks  []Task
		order  []int
		want   string
		anyTie string // the support under arbitrary ties, if it differs
	}{
		{"timer vs checkpoint", []Task{task("a", sleep(1), cpu(1)), task("b", cpu(2), sleep(0), cpu(1))}, []int{0, 1}, "(3,4) 1/4; (4,3) 3/4", ""},
		{"timer vs checkpoint, ba", []Task{task("a", sleep(1), cpu(1)), task("b", cpu(2), sleep(0), cpu(1))}, []int{1, 0}, "(3,4) 1/4; (4,3) 3/4", ""},
		{"io vs two checkpoints", []Task{task("a", io(1), cpu(1)), task("b", cpu(2), sleep(0), sleep(0), cpu(1))}, []int{0, 1}, "(3,4) 1/2; (4,3) 1/2", ""},
		{"three equal deadlines", []Task{task("a", sleep(1), cpu(1)), task("b", sleep(1), cpu(1)), task("c", sleep(1), cpu(1))}, []int{0, 1, 2}, "(2,3,4) 1/2; (4,3,2) 1/2",
			"(2,3,4); (2,4,3); (3,2,4); (3,4,2); (4,2,3); (4,3,2)"},
		{"two checkpoints", []Task{task("a", cpu(1), sleep(0), cpu(1)), task("b", cpu(1), sleep(0), cpu(1))}, []int{1, 0}, "(3,4) 1/2; (4,3) 1/2", ""},
		{"io outruns checkpoints", []Task{task("a", io(1), cpu(1)), task("b", cpu(2), sleep(0), sleep(0))}, []int{0, 1}, "(3,3) 1/2; (4,2) 1/2", ""},
		{"empty", nil, nil, "() 1", ""},
		{"one task", []Task{task("a", cpu(2), io(0), sleep(0), sleep(3))}, nil, "(5) 1", ""},
	} {
		w := &Workload{Unit: Nanosecond, Tasks: c.tasks}
		d := dist(t, w, c.order)
		if got := outcomesString(w, d.Outcomes); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
		sup, err := Trio{}.Support(w, c.order, TiesHeapq)
		if err != nil {
			t.Fatal(err)
		}
		want := c.anyTie
		if want == "" {
			want = outcomesString(w, stripP(d.Outcomes))
		}
		if got := outcomesString(w, sup); got != want {
			t.Errorf("%s: arbitrary-tie support %s, want %s", c.name, got, want)
		}
	}
}

func stripP(os []Outcome) []Outcome {
	out := slices.Clone(os)
	for i := range out {
		out[i].P = nil
	}
	return out
}

// Path replays one coin sequence and rejects sequences of the wrong
// length; PathFunc throws the coins of a function.
func TestTrioPath(t *testing.T) {
	w := seedTrio()
	r, err := Trio{}.Path(w, []int{0, 1, 2}, []bool{true})
	if err != nil {
		t.Fatal(err)
	}
	// Reversed first batch: c, b, a.
	if fmt.Sprint(r.Finish) != "[9000000000 6000000000 4000000000]" || r.Segments[0].Task != 2 {
		t.Fatalf("finish %v, first segment %+v", r.Finish, r.Segments[0])
	}
	fifo, cs, err := Trio{}.PathFunc(w, nil, func() bool { return false })
	if err != nil || fmt.Sprint(fifo.Finish) != "[7000000000 6000000000 5000000000]" || len(cs) != 1 {
		t.Fatalf("PathFunc: %v, coins %v, %v", fifo.Finish, cs, err)
	}
	if _, err := (Trio{}).Path(w, nil, nil); err == nil {
		t.Fatal("no coins accepted")
	}
	if _, err := (Trio{}).Path(w, nil, []bool{false, false}); err == nil {
		t.Fatal("an unused coin accepted")
	}
}

// Bad input is an error, never a panic.
func TestTrioBadInput(t *testing.T) {
	w := seedTrio()
	for _, order := range [][]int{{0, 1}, {0, 1, 1}, {0, 1, 3}, {-1, 0, 1}} {
		if _, err := (Trio{}).Distribution(w, order); err == nil {
			t.Errorf("order %v accepted", order)
		}
		if _, err := (Trio{}).Support(w, order, TiesHeapq); err == nil {
			t.Errorf("order %v accepted by Support", order)
		}
		if _, err := (Trio{}).Path(w, order, nil); err == nil {
			t.Errorf("order %v accepted by Path", order)
		}
	}
	bad := &Workload{Tasks: []Task{task("a", cpu(-1))}}
	if _, err := (Trio{}).Distribution(bad, nil); err == nil {
		t.Error("negative duration accepted")
	}
	if _, err := (Trio{}).Distribution(nil, nil); err == nil {
		t.Error("nil workload accepted")
	}
	if _, err := (Trio{}).Support(w, nil, TieRule(9)); err == nil {
		t.Error("unknown tie rule accepted")
	}
	if _, err := (Trio{Samples: 1, MaxStates: 1}).Distribution(w, []int{0, 2, 1}); err == nil {
		t.Error("an estimate of one sample accepted")
	}
	if _, err := (Trio{MaxStates: 1}).Support(w, []int{0, 2, 1}, TiesArmed); !errors.Is(err, ErrTrioTooLarge) {
		t.Errorf("Support past MaxStates: %v", err)
	}
}

// Properties of every distribution (rapid, on gen.AnyCase): the
// probabilities are positive powers-of-two fractions summing to 1; the
// start order and its reverse have the same distribution; the
// arming-order support lies inside the arbitrary-tie support; every
// outcome is the result of some coin path (Path) and every coin path's
// result is an outcome with at least its probability.
func TestTrioDistributionProperties(t *testing.T) {
	gen.Check(t, 300, 1, func(rt *rapid.T) {
		c := gen.AnyCase().Draw(rt, "case")
		if len(c.W.Tasks) > 5 {
			c.W.Tasks = c.W.Tasks[:5]
			c.Order = gen.Perm(5).Draw(rt, "order5")
		}
		tr := Trio{MaxStates: 2000}
		d, err := tr.Distribution(c.W, c.Order)
		if err != nil {
			rt.Fatal(err)
		}
		sum := new(big.Rat)
		for _, o := range d.Outcomes {
			if o.P.Sign() <= 0 || (d.Exact && !isDyadic(o.P)) {
				rt.Fatalf("probability %s", o.P.RatString())
			}
			sum.Add(sum, o.P)
		}
		if sum.Cmp(big.NewRat(1, 1)) != 0 {
			rt.Fatalf("probabilities sum to %s", sum.RatString())
		}
		if !d.Exact {
			return
		}
		rev := slices.Clone(c.Order)
		slices.Reverse(rev)
		dr, err := tr.Distribution(c.W, rev)
		if err != nil {
			rt.Fatal(err)
		}
		if a, b := outcomesString(c.W, d.Outcomes), outcomesString(c.W, dr.Outcomes); a != b {
			rt.Fatalf("order %v: %s\nreversed: %s", c.Order, a, b)
		}
		sup, err := tr.Support(c.W, c.Order, TiesHeapq)
		if errors.Is(err, ErrTrioTooLarge) {
			return
		}
		if err != nil {
			rt.Fatal(err)
		}
		for _, o := range d.Outcomes {
			if !slices.ContainsFunc(sup, func(s Outcome) bool { return slices.Equal(s.Finish, o.Finish) }) {
				rt.Fatalf("outcome %v of arming-order ties is not in the arbitrary-tie support", o.Finish)
			}
		}
	})
}

func isDyadic(r *big.Rat) bool {
	d := new(big.Int).Set(r.Denom())
	return d.And(d, new(big.Int).Sub(r.Denom(), big.NewInt(1))).Sign() == 0
}

// Past MaxStates the distribution is a seeded estimate: the same seed
// gives the same estimate, its outcomes lie in the exact support, and the
// interval brackets the mean.
func TestTrioEstimate(t *testing.T) {
	var tasks []Task
	for i := range 6 {
		tasks = append(tasks, task(fmt.Sprint(i), cpu(Duration(1+i%3)), sleep(Duration(7-i)), cpu(1), sleep(0), cpu(Duration(1+i%2)), io(Duration(i%4)), cpu(1)))
	}
	w := &Workload{Unit: Nanosecond, Tasks: tasks}
	ex := dist(t, w, nil)
	est := Trio{MaxStates: 3, Samples: 4000, Seed: 7}
	d, err := est.Distribution(w, nil)
	if err != nil {
		t.Fatal(err)
	}
	d2, _ := est.Distribution(w, nil)
	if d.Exact || d.Samples != 4000 || outcomesString(w, d.Outcomes) != outcomesString(w, d2.Outcomes) {
		t.Fatalf("estimate exact=%v samples=%d, or not reproducible", d.Exact, d.Samples)
	}
	for _, o := range d.Outcomes {
		if ex.Probability(o.Finish).Sign() == 0 {
			t.Fatalf("estimated outcome %v is not possible", o.Finish)
		}
	}
	lo, hi, ok := d.CI95()
	mean := d.Expected()
	if !ok || new(big.Rat).SetInt64(int64(lo)).Cmp(mean) > 0 || new(big.Rat).SetInt64(int64(hi)).Cmp(mean) < 0 {
		t.Fatalf("CI95 [%d, %d] ok=%v around %s", lo, hi, ok, mean.FloatString(3))
	}
	if el, eh, _ := ex.CI95(); el < lo || eh > hi {
		t.Errorf("CI95 [%d, %d] misses the exact expectation %s", lo, hi, ex.Expected().FloatString(4))
	}
	e, _ := ex.Expected().Float64()
	t.Logf("exact: %d outcomes, %d states, E = %.4f; estimate E = %s, CI95 [%d, %d]", len(ex.Outcomes), ex.States, e, FormatRat(mean, Nanosecond), lo, hi)
}

func TestFormatRat(t *testing.T) {
	for _, c := range []struct {
		r    *big.Rat
		u    Unit
		want string
	}{
		{big.NewRat(17, 2), Nanosecond, "8.5"},
		{big.NewRat(85e8, 1), Second, "8.5"},
		{big.NewRat(1, 3), Nanosecond, "0.333333"},
		{big.NewRat(0, 1), Millisecond, "0"},
		{big.NewRat(1, 1024), Second, "0.0000000000009765625"},
	} {
		if got := FormatRat(c.r, c.u); got != c.want {
			t.Errorf("FormatRat(%s, %s) = %s, want %s", c.r.RatString(), c.u, got, c.want)
		}
	}
}

// Target: the seed example's exact distribution (3 tasks: cpu 1 s; sleep
// 5, 3 or 1 s; cpu 1 s) in under 10 ms, in every start order.
func BenchmarkTrioSeedDistribution(b *testing.B) {
	w := seedTrio()
	for _, order := range [][]int{{2, 1, 0}, {0, 2, 1}} {
		b.Run(fmt.Sprint(order), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (Trio{}).Distribution(w, order); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The enumeration of a larger workload: 8 tasks of 7 steps with
// checkpoints, so that branch states merge.
func BenchmarkTrioDistribution8(b *testing.B) {
	var tasks []Task
	for i := range 8 {
		tasks = append(tasks, task(fmt.Sprint(i), cpu(Duration(1+i%3)), sleep(Duration(7-i)), cpu(1), sleep(0), cpu(Duration(1+i%2)), io(Duration(i%4)), cpu(1)))
	}
	w := &Workload{Unit: Nanosecond, Tasks: tasks}
	d, err := Trio{}.Distribution(w, nil)
	if err != nil || !d.Exact {
		b.Fatalf("%v exact=%v", err, d != nil && d.Exact)
	}
	b.ReportMetric(float64(d.States), "states")
	b.ReportAllocs()
	for b.Loop() {
		Trio{}.Distribution(w, nil)
	}
}

// Reference: model/SEMANTICS.md §S13, "Against CPython": the seed
// example's CPython makespans by gather order, and a workload whose
// CPython outcome Trio cannot produce.
func TestTrioAgainstCPython(t *testing.T) {
	w := seedTrio()
	w.Tasks[0].Name, w.Tasks[1].Name, w.Tasks[2].Name = "a", "b", "c"
	var got []string
	for _, o := range []string{"abc", "acb", "bac", "bca", "cab", "cba"} {
		got = append(got, Format(Simulate(w, byNames(w, o)).Makespan, Second))
	}
	if strings.Join(got, " ") != "7 8 8 9 8 9" {
		t.Fatalf("CPython's makespans %v", got)
	}
	w = &Workload{Unit: Nanosecond, Tasks: []Task{task("a", io(1), cpu(1)), task("b", cpu(2), sleep(0), sleep(0))}}
	if r := Simulate(w, nil); fmt.Sprint(r.Finish) != "[3 2]" {
		t.Fatalf("CPython: %v", r.Finish)
	}
	d := dist(t, w, nil)
	if got := outcomesString(w, d.Outcomes); got != "(3,3) 1/2; (4,2) 1/2" {
		t.Fatalf("Trio: %s", got)
	}
}

// Reference: model/SEMANTICS.md §S13, "The distribution": the seed
// example's enumeration has at most 2 branch states in every start order,
// and none of gen.AnyCase's first 3,000 cases has more than 100, so the
// default bound leaves them all exact.
func TestTrioEnumerationStaysSmall(t *testing.T) {
	w := seedTrio()
	for _, o := range [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		if d := dist(t, w, o); d.States > 2 {
			t.Errorf("order %v: %d states", o, d.States)
		}
	}
	most := 0
	for k := 1; k <= 3000; k++ {
		c := gen.AnyCase().Example(k)
		d := dist(t, c.W, c.Order)
		most = max(most, d.States)
	}
	if most > 100 {
		t.Fatalf("a case of gen.AnyCase has %d branch states", most)
	}
	t.Logf("at most %d branch states", most)
}
