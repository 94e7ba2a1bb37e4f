package oracle_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// start returns a shared oracle; a missing interpreter fails the test with
// the install hint (never a silent skip).
var shared struct {
	once sync.Once
	p    *oracle.Python
	err  error
}

func start(t *testing.T) *oracle.Python {
	t.Helper()
	shared.once.Do(func() { shared.p, shared.err = oracle.Start() })
	if shared.err != nil {
		t.Fatalf("%v (on Debian/Ubuntu: apt-get install python3)", shared.err)
	}
	return shared.p
}

func cpu(d model.Duration) model.Step   { return model.Step{Kind: model.CPU, D: d} }
func sleep(d model.Duration) model.Step { return model.Step{Kind: model.Sleep, D: d} }
func io(d model.Duration) model.Step    { return model.Step{Kind: model.IO, D: d} }

func seedWorkload() *model.Workload {
	const s = model.Duration(1e9)
	return &model.Workload{Unit: model.Second, Tasks: []model.Task{
		model.Canonical("a", s, 5*s, s),
		model.Canonical("b", s, 3*s, s),
		model.Canonical("c", s, 1*s, s),
	}}
}

// Reference: the seed thread's answer, 7 s for waits (5, 3, 1) against 9 s
// for (1, 3, 5), measured here on CPython itself rather than on the model.
func TestCPythonGivesSevenAgainstNine(t *testing.T) {
	p := start(t)
	const s = model.Duration(1e9)
	lif, sif := sevenAgainstNine(t, p)
	// Finish is indexed like w.Tasks, whatever the order: a, b, c.
	if lif.Finish[0] != 7*s || sif.Finish[0] != 9*s || sif.Finish[2] != 4*s {
		t.Fatalf("finish %v and %v", lif.Finish, sif.Finish)
	}
	if !strings.HasPrefix(lif.Version, "3.11.") || lif.Version != p.Version {
		t.Fatalf("version %q (driver) and %q (Start)", lif.Version, p.Version)
	}
	// Six CPU segments, the first three back to back in gather order.
	if len(sif.Segments) != 6 || sif.Segments[0].Task != 2 || sif.Segments[1].Task != 1 || sif.Segments[2].Start != 2*s {
		t.Fatalf("segments %+v", sif.Segments)
	}
}

// sevenAgainstNine runs the seed workload on p longest wait first and
// shortest wait first, and requires the thread's 7 s and 9 s.
func sevenAgainstNine(t *testing.T, p *oracle.Python) (lif, sif oracle.Result) {
	t.Helper()
	lif, err := p.Run(seedWorkload(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sif, err = p.Run(seedWorkload(), []int{2, 1, 0}); err != nil {
		t.Fatal(err)
	}
	if lif.Makespan != 7e9 || sif.Makespan != 9e9 {
		t.Fatalf("CPython %s (%s): makespans %d and %d ns; want 7 s and 9 s", p.Version, p.Spawn, lif.Makespan, sif.Makespan)
	}
	return lif, sif
}

// RunBatch is a pipelined Run: same results, in request order, for a batch
// much larger than the pipe buffers.
func TestRunBatchEqualsRunOneByOne(t *testing.T) {
	p := start(t)
	var ws []*model.Workload
	var orders [][]int
	for k := 0; k < 2000; k++ {
		d := model.Duration(k % 7)
		ws = append(ws, &model.Workload{Unit: model.Nanosecond, Tasks: []model.Task{
			{Name: "x", Steps: []model.Step{cpu(d), io(d % 3), cpu(1)}},
			{Name: "y", Steps: []model.Step{sleep(d % 2), cpu(2)}},
		}})
		if k%2 == 1 {
			orders = append(orders, []int{1, 0})
		} else {
			orders = append(orders, nil)
		}
	}
	batch, err := p.RunBatch(ws, orders)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{0, 1, 2, 1001, 1999} {
		one, err := p.Run(ws[k], orders[k])
		if err != nil {
			t.Fatal(err)
		}
		if !sameResult(one, batch[k]) {
			t.Fatalf("workload %d: batch %+v, one by one %+v", k, batch[k], one)
		}
	}
}

func sameResult(a, b oracle.Result) bool {
	m := model.Result{Makespan: a.Makespan, Finish: a.Finish, Segments: a.Segments}
	return oracle.Same(m, b) && a.Iterations == b.Iterations && a.Version == b.Version
}

// Bad input is an error, not a panic, and does not break the oracle.
func TestBadOrdersAndWorkloadsAreErrors(t *testing.T) {
	p := start(t)
	w := seedWorkload()
	for _, ord := range [][]int{{0, 1}, {0, 1, 1}, {0, 1, 3}} {
		if _, err := p.Run(w, ord); err == nil {
			t.Fatalf("order %v accepted", ord)
		}
	}
	bad := &model.Workload{Tasks: []model.Task{{Name: "a"}, {Name: "a"}}}
	if _, err := p.Run(bad, nil); err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Fatalf("duplicate names: err %v", err)
	}
	if _, err := p.RunBatch([]*model.Workload{w}, [][]int{nil, nil}); err == nil {
		t.Fatal("mismatched orders accepted")
	}
	if r, err := p.Run(w, nil); err != nil || r.Makespan != 7e9 {
		t.Fatalf("after errors: %v, %v", r.Makespan, err)
	}
}

// Task names never reach the driver, so any valid name is safe.
func TestNamesAreNotSentToPython(t *testing.T) {
	p := start(t)
	w := &model.Workload{Unit: model.Nanosecond, Tasks: []model.Task{
		{Name: "\"quoted\"\n", Steps: []model.Step{cpu(3)}},
		{Name: "t0", Steps: []model.Step{sleep(1)}},
	}}
	r, err := p.Run(w, []int{1, 0})
	if err != nil {
		t.Fatal(err)
	}
	if r.Finish[0] != 3 || r.Finish[1] != 3 {
		t.Fatalf("finish %v; want [3 3]", r.Finish)
	}
}

func TestEmptyWorkloadAndEmptyBatch(t *testing.T) {
	p := start(t)
	r, err := p.Run(&model.Workload{}, nil)
	if err != nil || r.Makespan != 0 || len(r.Finish) != 0 {
		t.Fatalf("%+v, %v", r, err)
	}
	rs, err := p.RunBatch(nil, nil)
	if err != nil || len(rs) != 0 {
		t.Fatalf("%v, %v", rs, err)
	}
}

// Diff is empty exactly when the outcomes agree and otherwise marks the
// lines that differ.
func TestDiffMarksExactlyTheDifferingLines(t *testing.T) {
	w := seedWorkload()
	m := model.Simulate(w, nil)
	o := oracle.Result{Finish: append([]model.Duration(nil), m.Finish...), Makespan: m.Makespan, Version: "3.11.x"}
	for _, s := range m.Segments {
		s.Iter = 0
		o.Segments = append(o.Segments, s)
	}
	if d := oracle.Diff(w, m, o); d != "" {
		t.Fatalf("equal outcomes give a diff:\n%s", d)
	}
	o.Finish[1]++
	o.Segments[4].End++
	d := oracle.Diff(w, m, o)
	if got := strings.Count(d, "\n<>"); got != 2 {
		t.Fatalf("%d marked lines; want 2:\n%s", got, d)
	}
	if !strings.Contains(d, "<>finish b") || !strings.Contains(d, "<>cpu #4") {
		t.Fatalf("wrong lines marked:\n%s", d)
	}
	t.Logf("\n%s", d)
}

func TestCloseIsIdempotentAndFinal(t *testing.T) {
	p, err := oracle.Start()
	if err != nil {
		t.Fatalf("%v (on Debian/Ubuntu: apt-get install python3)", err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Run(seedWorkload(), nil); err == nil {
		t.Fatal("Run after Close succeeded")
	}
}

// The real clock measures at least the model's finish times, up to a
// microsecond (time.sleep rounds up and select only overshoots, but a
// CPython timer is due when when < now + clock_resolution, 1 ns on Linux,
// and deadlines are floats), and not wildly more even on a loaded machine.
// It runs on the wall clock, so under make verify only.
func TestRealClockIsNeverEarlierThanTheModel(t *testing.T) {
	if !verify.On() {
		t.Skip("wall-clock run: under GATHERORDER_VERIFY=1 (make verify)")
	}
	r, err := oracle.StartReal(2)
	if err != nil {
		t.Fatalf("%v (on Debian/Ubuntu: apt-get install python3)", err)
	}
	defer r.Close()
	const ms = model.Duration(1e6)
	w := &model.Workload{Unit: model.Millisecond, Tasks: []model.Task{
		model.Canonical("a", 5*ms, 30*ms, 5*ms),
		{Name: "b", Steps: []model.Step{cpu(5 * ms), io(10 * ms), cpu(5 * ms)}},
	}}
	pred := model.Simulate(w, nil)
	runs, err := r.Measure(w, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 {
		t.Fatalf("%d runs; want 2", len(runs))
	}
	for _, m := range runs {
		for i := range m.Finish {
			if m.Finish[i] < pred.Finish[i]-1000 {
				t.Fatalf("task %d finished at %v ns, before the model's %v ns", i, m.Finish[i], pred.Finish[i])
			}
		}
		if m.Makespan > 10*pred.Makespan {
			t.Fatalf("makespan %v ns, more than 10 times the model's %v ns", m.Makespan, pred.Makespan)
		}
	}
}
