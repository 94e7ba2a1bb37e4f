package model_test

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

var libuvRuntimes = []Runtime{{Loop: UVLoop}, {Loop: Node}}

// libuvCase draws a workload whose durations are whole milliseconds,
// quarter milliseconds or nanoseconds, so that libuv's millisecond clock
// (model/SEMANTICS.md §S14.1) both ties and splits deadlines.
func libuvCase(t *rapid.T) gen.Case {
	c := gen.AnyCase().Draw(t, "case")
	scale := rapid.SampledFrom([]Duration{1, 250_000, 1_000_000}).Draw(t, "scale")
	if scale > 1 {
		for i := range c.W.Tasks {
			for j := range c.W.Tasks[i].Steps {
				if d := &c.W.Tasks[i].Steps[j].D; *d <= 1e9 {
					*d *= scale
				}
			}
		}
	}
	return c
}

// The libuv simulators are deterministic and pure: a reused Sim and an
// untraced run give the same finishes and iterations, and so do uvloop's
// two tie rules (model/SEMANTICS.md §S14.3);
// the trace is consistent (model/SEMANTICS.md §S1's outputs): CPU segments
// run back to back in execution order and add up to the workload's CPU
// work, every wait resumes no earlier than it was due, and io is due d
// after its await.
func TestLibuvRunsAreConsistent(t *testing.T) {
	var reused [2]Sim
	gen.Check(t, 1500, 1444, func(t *rapid.T) {
		c := libuvCase(t)
		for k, rt := range libuvRuntimes {
			r := rt.Simulate(c.W, c.Order)
			reused[k].Runtime = rt
			u := reused[k].Run(c.W, c.Order, false)
			armed := rt
			armed.Ties = TiesArmed
			a := armed.Simulate(c.W, c.Order)
			want := fmt.Sprint(r.Finish, r.Iterations)
			if got := fmt.Sprint(u.Finish, u.Iterations); got != want {
				t.Fatalf("%s: untraced %s, traced %s", rt, got, want)
			}
			if got := fmt.Sprint(a.Finish, a.Iterations); rt.Loop == UVLoop && got != want {
				t.Fatalf("%s: armed ties %s, heapq %s", rt, got, want)
			}
			var at, work, total Duration
			for _, s := range r.Segments {
				if s.Start < at || s.End-s.Start != c.W.Tasks[s.Task].Steps[s.Step].D {
					t.Fatalf("%s: segment %+v after %d", rt, s, at)
				}
				at, work = s.End, work+s.End-s.Start
			}
			for _, task := range c.W.Tasks {
				for _, st := range task.Steps {
					if st.Kind == CPU {
						total += st.D
					}
				}
			}
			if work != total || r.Makespan < at {
				t.Fatalf("%s: CPU work %d of %d, last segment ends %d, makespan %d", rt, work, total, at, r.Makespan)
			}
			for _, wt := range r.Waits {
				d := c.W.Tasks[wt.Task].Steps[wt.Step].D
				if wt.Due < wt.Start || wt.Resume < wt.Due || (wt.Kind == IO && wt.Due != wt.Start+d) {
					t.Fatalf("%s: wait %+v of a %s %d", rt, wt, wt.Kind, d)
				}
			}
			Intervals(&r)
		}
	})
}

// A warmed-up Sim runs a libuv runtime untraced without allocating.
func TestLibuvRunsDoNotAllocate(t *testing.T) {
	w := &Workload{Tasks: []Task{
		task("a", cpu(1e6), sleep(5e6), cpu(1e6), io(2e6)),
		task("b", cpu(1e6), sleep(3e6), sleep(0), cpu(1e6)),
		task("c", io(0), sleep(4e5), cpu(1e6), sleep(1e6)),
	}}
	for _, rt := range libuvRuntimes {
		s := Sim{Runtime: rt}
		s.Run(w, nil, false)
		if n := testing.AllocsPerRun(100, func() { s.Run(w, []int{2, 0, 1}, false) }); n != 0 {
			t.Errorf("%s: %v allocations per run", rt, n)
		}
	}
}

// Reference: model/SEMANTICS.md §S14.5: an io 0 task resumes in the next
// iteration on uvloop (its socket is reported by the poll of the iteration
// that awaited), where CPython needs two more (model/SEMANTICS.md §S7).
func TestUVLoopIOZeroCostsOneIteration(t *testing.T) {
	w := &Workload{Tasks: []Task{task("a", cpu(1), io(0), cpu(1))}}
	if r := (Runtime{Loop: UVLoop}).Simulate(w, nil); r.Finish[0] != 2 || r.Iterations != 2 {
		t.Fatalf("uvloop: finish %d in %d iterations, want 2 in 2", r.Finish[0], r.Iterations)
	}
	if r := Simulate(w, nil); r.Finish[0] != 2 || r.Iterations != 3 {
		t.Fatalf("asyncio: finish %d in %d iterations, want 2 in 3", r.Finish[0], r.Iterations)
	}
}

// Reference: model/SEMANTICS.md §S14.5 and §S15.6: a socket whose data
// arrived before the poll that adds it to epoll joins the ready list
// then, in registration order, behind sockets that were in epoll already.
// Here a (registered first, data at 1 ms) and b (io 0, registered at 1
// ms) are both ready when the poll starts at 2 ms: a resumes first.
func TestLibuvSocketsAddedAtThePollKeepRegistrationOrder(t *testing.T) {
	w := &Workload{Tasks: []Task{
		task("a", io(1e6), cpu(1e6)),
		task("b", cpu(1e6), io(0), cpu(1e6)),
		task("c", cpu(1e6)),
	}}
	for _, rt := range libuvRuntimes {
		if r := rt.Simulate(w, nil); fmt.Sprint(r.Finish) != "[3000000 4000000 2000000]" {
			t.Errorf("%s: finish %v, want [3000000 4000000 2000000]", rt, r.Finish)
		}
	}
}

func TestLibuvRuntimesParseAndValidate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Runtime
	}{{"uvloop", Runtime{Loop: UVLoop}}, {"node", Runtime{Loop: Node}}, {"node/armed", Runtime{Loop: Node, Ties: TiesArmed}}, {"uvloop/armed", Runtime{Loop: UVLoop, Ties: TiesArmed}}} {
		r, err := ParseRuntime(c.in)
		if err != nil || r != c.want || r.String() != c.in {
			t.Errorf("ParseRuntime(%q) = %v, %v (String %q)", c.in, r, err, r.String())
		}
	}
	for _, bad := range []Runtime{
		{Loop: UVLoop, Minor: 12}, {Loop: UVLoop, Spawn: TaskGroup}, {Loop: Node, Minor: 11},
		{Loop: Node, Spawn: Eager}, {Loop: Node, Ties: 7}, {Loop: 9},
	} {
		if bad.Validate() == nil {
			t.Errorf("%+v validates", bad)
		}
	}
	if err := (Runtime{Loop: UVLoop, Minor: 11, Ties: TiesArmed}).Validate(); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"uvloop/gather", "node/", "node/armed/x", "uvloop3.11"} {
		if _, err := ParseRuntime(bad); err == nil {
			t.Errorf("%q parses", bad)
		}
	}
}

// Reference: model/SEMANTICS.md §S15.3: under TiesArmed, Node's lists of
// equal expiry leave in the order their timers were armed: in P3 of the
// golden file, W (armed at 2) before V (armed at 3), where Node's list ids
// put V first.
func TestNodeArmedTiesFollowArming(t *testing.T) {
	w := &Workload{Tasks: []Task{
		task("X", sleep(5e9)),
		task("W", cpu(2e9), sleep(5e9), cpu(1e9)),
		task("V", cpu(1e9), sleep(4e9), cpu(1e9)),
	}}
	if got := fmt.Sprint((Runtime{Loop: Node}).Simulate(w, nil).Finish); got != "[5000000000 9000000000 8000000000]" {
		t.Fatalf("list ids: %s", got)
	}
	if got := fmt.Sprint((Runtime{Loop: Node, Ties: TiesArmed}).Simulate(w, nil).Finish); got != "[5000000000 8000000000 9000000000]" {
		t.Fatalf("armed: %s", got)
	}
}
