package oracle_test

// Differential tests per runtime: the model's variant for every CPython
// 3.8 to 3.13 under pyenv's versions directory (oracle.Interpreters) and every
// spawn style the version has (gather; TaskGroup from 3.11; the eager task
// factory from 3.12), against that CPython under the virtual clock.
//
// Claim: for every such runtime R, every workload W and gather order π,
// R.Simulate(W, π) (model.Runtime, heapq ties) and CPython agree exactly
// on every finish time, the makespan and every CPU segment, on the three
// generators of differential_test.go. The quick run checks 300 workloads
// per runtime, GATHERORDER_VERIFY=1 20,000.
//
// Every version must be there (the machine image has them all): a missing
// one fails the test by name, unless GATHERORDER_PYTHONS narrows the list
// (a comma-separated list of minor versions, e.g. "3.11,3.12").

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// pythonsEnv narrows the versions the runtime tests require.
const pythonsEnv = "GATHERORDER_PYTHONS"

// wantedMinors is 8..13, or the versions GATHERORDER_PYTHONS lists.
func wantedMinors(t *testing.T) []int {
	t.Helper()
	env := strings.TrimSpace(os.Getenv(pythonsEnv))
	if env == "" {
		var ms []int
		for m := model.MinMinor; m <= model.MaxMinor; m++ {
			ms = append(ms, m)
		}
		return ms
	}
	var ms []int
	for _, f := range strings.Split(env, ",") {
		v, ok := strings.CutPrefix(strings.TrimSpace(f), "3.")
		m, err := strconv.Atoi(v)
		if !ok || err != nil || m < model.MinMinor || m > model.MaxMinor {
			t.Fatalf("%s=%q: %q is not one of 3.%d to 3.%d", pythonsEnv, env, f, model.MinMinor, model.MaxMinor)
		}
		ms = append(ms, m)
	}
	return ms
}

// runtimeCase is one (interpreter, spawn style) to test.
type runtimeCase struct {
	it    oracle.Interpreter
	spawn model.Spawn
}

func (rc runtimeCase) name() string { return fmt.Sprintf("3.%d/%s", rc.it.Minor, rc.spawn) }

// drivers are the started drivers, one per runtime case, shared by the
// tests like start's (the processes end with the test binary).
var drivers struct {
	sync.Mutex
	m map[runtimeCase]*oracle.Python
}

// start returns the shared driver of rc, starting it at the first call.
func (rc runtimeCase) start(t *testing.T) *oracle.Python {
	t.Helper()
	drivers.Lock()
	defer drivers.Unlock()
	if p, ok := drivers.m[rc]; ok {
		return p
	}
	p, err := oracle.StartWith(oracle.Config{Python: rc.it.Path, Spawn: rc.spawn})
	if err != nil {
		t.Fatal(err)
	}
	if drivers.m == nil {
		drivers.m = map[runtimeCase]*oracle.Python{}
	}
	drivers.m[rc] = p
	return p
}

// runtimeCases is every wanted version with every spawn style it has.
func runtimeCases(t *testing.T) []runtimeCase {
	t.Helper()
	its, err := oracle.InterpretersFor(wantedMinors(t))
	if err != nil {
		t.Fatalf("%v (or narrow the list with %s)", err, pythonsEnv)
	}
	var rcs []runtimeCase
	for _, it := range its {
		for _, s := range model.Spawns() {
			if it.Minor >= s.Since() {
				rcs = append(rcs, runtimeCase{it, s})
			}
		}
	}
	return rcs
}

// Claim: the model's runtime variant matches every CPython 3.8 to 3.13
// with every spawn style exactly, on all three generators.
func TestDifferentialEveryRuntime(t *testing.T) {
	nAny, nEq, nCan := verify.Pick(150, 12000), verify.Pick(100, 6000), verify.Pick(50, 2000)
	for _, rc := range runtimeCases(t) {
		t.Run(rc.name(), func(t *testing.T) {
			t.Parallel()
			p := rc.start(t)
			if p.Runtime.Version() != rc.it.Minor || p.Spawn != rc.spawn || p.Runtime.Ties != model.TiesHeapq {
				t.Fatalf("driver %s %s validates %v", p.Version, p.Spawn, p.Runtime)
			}
			diffRun(t, p, gen.AnyCase(), 1, nAny, nil)
			diffRun(t, p, gen.EqualDeadlinesCase(), 1_000_001, nEq, nil)
			diffRun(t, p, gen.CanonicalCase(true), 2_000_001, nCan, closedForm)
		})
	}
}

// Every runtime runs the seed example as the thread's answer measured it;
// the driver reports the version and the spawn style it ran, and with
// eager tasks, and only then, every coroutine began inside create_task
// (model/SEMANTICS.md §S11): the style is not just a label.
func TestEveryRuntimeGivesSevenAgainstNine(t *testing.T) {
	for _, rc := range runtimeCases(t) {
		t.Run(rc.name(), func(t *testing.T) {
			t.Parallel()
			p := rc.start(t)
			lif, sif := sevenAgainstNine(t, p)
			if lif.Version != rc.it.Version || sif.Version != rc.it.Version || p.Version != rc.it.Version {
				t.Fatalf("versions %s, %s (driver) and %s (Start); want %s", lif.Version, sif.Version, p.Version, rc.it.Version)
			}
			eager := 0
			if rc.spawn == model.Eager {
				eager = len(seedWorkload().Tasks)
			}
			if lif.Spawn != rc.spawn || lif.EagerStarts != eager || sif.EagerStarts != eager {
				t.Fatalf("spawn %s: the driver ran %s with %d and %d eager starts, want %d", rc.spawn, lif.Spawn, lif.EagerStarts, sif.EagerStarts, eager)
			}
		})
	}
}

// A spawn style the version lacks, and an interpreter outside 3.8 to 3.13,
// are errors that name them.
func TestStartWithRefusesWhatTheVersionLacks(t *testing.T) {
	its, err := oracle.Interpreters()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range its {
		for _, s := range model.Spawns() {
			if it.Minor >= s.Since() {
				continue
			}
			p, err := oracle.StartWith(oracle.Config{Python: it.Path, Spawn: s})
			if err == nil {
				p.Close()
				t.Fatalf("CPython %s accepted spawn %s", it.Version, s)
			}
			if !strings.Contains(err.Error(), s.String()) || !strings.Contains(err.Error(), "3."+strconv.Itoa(s.Since())) {
				t.Fatalf("CPython %s, spawn %s: error %q does not say why", it.Version, s, err)
			}
		}
	}
	for _, bad := range []string{"/bin/sh", "/nonexistent/python3", PyenvPython(t, "3.7"), PyenvPython(t, "2.7")} {
		if bad == "" {
			continue
		}
		if p, err := oracle.StartWith(oracle.Config{Python: bad}); err == nil {
			p.Close()
			t.Fatalf("%s accepted", bad)
		} else {
			t.Logf("%s: %v", bad, err)
		}
	}
}

// PyenvPython is the python under PyenvVersions whose directory starts
// with prefix, or "" if there is none (the out-of-range versions are
// optional).
func PyenvPython(t *testing.T, prefix string) string {
	t.Helper()
	ents, _ := os.ReadDir(oracle.PyenvVersions())
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), prefix+".") {
			for _, exe := range []string{"python3", "python"} {
				p := oracle.PyenvVersions() + "/" + e.Name() + "/bin/" + exe
				if _, err := os.Stat(p); err == nil {
					return p
				}
			}
		}
	}
	return ""
}

// Reference: model/SEMANTICS.md §S12: on the wall clock, equal deadlines
// leave in arming order (the armed tie rule), not in heapq's order: the
// four equal timers of model/SEMANTICS.md §S4 finish a, b, c, d on every CPython and spawn
// style, in every run, where heapq's order is a, c, b, d. Wall-clock
// runs, so under make verify only.
func TestRealClockTiesLeaveInArmingOrder(t *testing.T) {
	if !verify.On() {
		t.Skip("wall-clock run: under GATHERORDER_VERIFY=1 (make verify)")
	}
	const ms = model.Duration(1e6)
	w := &model.Workload{Unit: model.Millisecond}
	for _, n := range "abcd" {
		w.Tasks = append(w.Tasks, model.Task{Name: string(n), Steps: []model.Step{sleep(5 * ms), cpu(ms)}})
	}
	armed := model.Runtime{Ties: model.TiesArmed}.Simulate(w, nil)
	if heapq := model.Simulate(w, nil); slices.Equal(heapq.Finish, armed.Finish) {
		t.Fatalf("the rules agree on %v: the test would tell nothing", heapq.Finish)
	}
	for _, rc := range runtimeCases(t) {
		r, err := oracle.StartRealWith(oracle.Config{Python: rc.it.Path, Spawn: rc.spawn}, 5)
		if err != nil {
			t.Fatal(err)
		}
		runs, err := r.Measure(w, nil)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range runs {
			for i := 1; i < len(m.Finish); i++ {
				if m.Finish[i-1] >= m.Finish[i] {
					t.Fatalf("%s: finishes %v ns are not in arming order", rc.name(), m.Finish)
				}
			}
			for i := range m.Finish {
				// A timer is due when when < now + clock_resolution, and
				// deadlines are floats: allow a microsecond.
				if m.Finish[i] < armed.Finish[i]-1000 {
					t.Fatalf("%s: task %d finished at %d ns, before the armed model's %d ns", rc.name(), i, m.Finish[i], armed.Finish[i])
				}
			}
		}
		t.Logf("%s: %d runs in arming order (armed model %v ns; first run %v ns)", rc.name(), len(runs), armed.Finish, runs[0].Finish)
	}
}

// Interpreters finds what pyenv has, sorted by version; InterpretersFor
// names every version it lacks, and the directory it searched.
func TestInterpretersForNamesEveryMissingVersion(t *testing.T) {
	its, err := oracle.Interpreters()
	if err != nil {
		t.Fatal(err)
	}
	for k, it := range its {
		if it.Minor < model.MinMinor || it.Minor > model.MaxMinor || !strings.HasPrefix(it.Version, "3."+strconv.Itoa(it.Minor)+".") {
			t.Errorf("interpreter %+v", it)
		}
		if k > 0 && its[k-1].Minor > it.Minor {
			t.Errorf("not sorted: %v before %v", its[k-1].Version, it.Version)
		}
	}
	empty := t.TempDir()
	t.Setenv("PYENV_ROOT", empty)
	if its, err := oracle.Interpreters(); err != nil || len(its) != 0 {
		t.Fatalf("empty pyenv: %v, %v", its, err)
	}
	_, err = oracle.InterpretersFor([]int{8, 11, 13})
	if err == nil || !strings.Contains(err.Error(), "3.8, 3.11, 3.13") || !strings.Contains(err.Error(), empty) {
		t.Fatalf("error %v does not name 3.8, 3.11, 3.13 and %s", err, empty)
	}
}
