package proofs_test

// Checks of proofs/any-order-within-2x.md: on every workload (any steps),
// the loop idles only while the last task to finish is in one of its
// waits, so every order is within ΣCPU + max IOTime ≤ 2·OPT.

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

func cpuTime(t model.Task) model.Duration {
	var s model.Duration
	for _, st := range t.Steps {
		if st.Kind == model.CPU {
			s += st.D
		}
	}
	return s
}

// multiStepTasks lists every task of 1..maxSteps steps of any kind with
// durations in [0, maxD].
func multiStepTasks(maxSteps int, maxD model.Duration) []model.Task {
	var out []model.Task
	kinds := []model.Kind{model.CPU, model.Sleep, model.IO}
	var rec func(steps []model.Step)
	rec = func(steps []model.Step) {
		if len(steps) > 0 {
			out = append(out, model.Task{Steps: append([]model.Step(nil), steps...)})
		}
		if len(steps) == maxSteps {
			return
		}
		for _, k := range kinds {
			for d := model.Duration(0); d <= maxD; d++ {
				rec(append(steps, model.Step{Kind: k, D: d}))
			}
		}
	}
	rec(nil)
	return out
}

// sweepWorkloads calls check on every multiset of tasks of each domain
// (n ≤ N tasks from multiStepTasks(S, D)), then on rapid-drawn workloads;
// check quantifies over orders itself (forEachOrder).
func sweepWorkloads(t *testing.T, check func(w *model.Workload) string) {
	t.Helper()
	type dom struct {
		N, S int
		D    model.Duration
	}
	doms, checks := []dom{{2, 2, 2}, {3, 2, 1}}, 400
	if verify.On() {
		doms, checks = []dom{{3, 2, 2}, {3, 3, 1}, {4, 2, 1}}, 20000
	}
	for _, d := range doms {
		space := multiStepTasks(d.S, d.D)
		instances := 0
		fail := ""
		for n := 1; n <= d.N; n++ {
			idx := make([]int, n)
			var rec func(i, lo int)
			rec = func(i, lo int) {
				if fail != "" {
					return
				}
				if i == n {
					w := &model.Workload{Unit: model.Nanosecond}
					for k, x := range idx {
						w.Tasks = append(w.Tasks, model.Task{Name: fmt.Sprintf("t%d", k), Steps: space[x].Steps})
					}
					instances++
					if msg := check(w); msg != "" {
						fail = fmt.Sprintf("%s: %s", model.Marshal(w), msg)
					}
					return
				}
				for x := lo; x < len(space); x++ {
					idx[i] = x
					rec(i+1, x)
				}
			}
			rec(0, 0)
		}
		if fail != "" {
			t.Fatal(fail)
		}
		t.Logf("exhaustive: n ≤ %d tasks of 1..%d steps of any kind, durations in [0,%d], every order: %d instances, 0 violations", d.N, d.S, d.D, instances)
	}
	rapidCheck(t, checks, func(rt *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: 1, MaxTasks: 4, MinSteps: 0, MaxSteps: 6, MaxDur: 1000}).Draw(rt, "w")
		if msg := check(w); msg != "" {
			rt.Fatalf("%s: %s", model.Marshal(w), msg)
		}
	})
}

// eachOrder runs f on the simulated result of every order of w until f
// returns a message.
func eachOrder(w *model.Workload, f func(p []int, r *model.Result) string) string {
	msg := ""
	forEachOrder(len(w.Tasks), func(p []int) {
		if msg == "" {
			r := model.Simulate(w, p)
			if m := f(p, &r); m != "" {
				msg = fmt.Sprintf("order %v: %s", p, m)
			}
		}
	})
	return msg
}

// Lemma B1: the makespan exceeds the total CPU work by at most the total
// wait (IOTime) of any task that finishes last.
func TestB1IdleTimeIsCoveredByTheWaitsOfTheLastTask(t *testing.T) {
	sweepWorkloads(t, func(w *model.Workload) string {
		var cpu model.Duration
		for _, tk := range w.Tasks {
			cpu += cpuTime(tk)
		}
		return eachOrder(w, func(p []int, r *model.Result) string {
			for z, f := range r.Finish {
				if f == r.Makespan && r.Makespan-cpu > w.Tasks[z].IOTime() {
					return fmt.Sprintf("makespan %d, total CPU %d, idle %d > waits %d of last task %d", r.Makespan, cpu, r.Makespan-cpu, w.Tasks[z].IOTime(), z)
				}
			}
			return ""
		})
	})
}

// Lemma B2: every order (so the optimum) takes at least the total CPU work
// and at least each task's own CPU plus waits.
func TestB2EveryOrderTakesTheTotalCPUAndEachTaskAlone(t *testing.T) {
	sweepWorkloads(t, func(w *model.Workload) string {
		return eachOrder(w, func(p []int, r *model.Result) string {
			var cpu model.Duration
			for j, tk := range w.Tasks {
				cpu += cpuTime(tk)
				if alone := cpuTime(tk) + tk.IOTime(); r.Makespan < alone {
					return fmt.Sprintf("makespan %d < task %d alone %d", r.Makespan, j, alone)
				}
			}
			if r.Makespan < cpu {
				return fmt.Sprintf("makespan %d < total CPU %d", r.Makespan, cpu)
			}
			return ""
		})
	})
}

// The claim itself on the same domain: worst order ≤ 2 · best order.
func TestAnyOrderWithin2x(t *testing.T) {
	sweepWorkloads(t, func(w *model.Workload) string {
		best, worst := model.Duration(-1), model.Duration(0)
		eachOrder(w, func(p []int, r *model.Result) string {
			if best < 0 || r.Makespan < best {
				best = r.Makespan
			}
			worst = max(worst, r.Makespan)
			return ""
		})
		if worst > 2*best {
			return fmt.Sprintf("worst order %d > 2 × best %d", worst, best)
		}
		return ""
	})
}

// Tightness, attained: tasks `cpu 1` and `sleep 1` take 2 gathered CPU task
// first and 1 the other way, so the ratio 2 is reached (the last task to
// finish has no CPU work, the only case the bound C ≤ 2·OPT − cpu_z allows).
func TestAnyOrderRatioTwoIsAttained(t *testing.T) {
	w := &model.Workload{Unit: model.Nanosecond, Tasks: []model.Task{
		{Name: "cpu", Steps: []model.Step{{Kind: model.CPU, D: 1}}},
		{Name: "sleep", Steps: []model.Step{{Kind: model.Sleep, D: 1}}},
	}}
	bad, good := model.Simulate(w, []int{0, 1}), model.Simulate(w, []int{1, 0})
	if bad.Makespan != 2 || good.Makespan != 1 {
		t.Fatalf("cpu first %d, sleep first %d; want 2 and 1", bad.Makespan, good.Makespan)
	}
	if bad.Finish[1] != bad.Makespan || cpuTime(w.Tasks[1]) != 0 {
		t.Fatalf("the task that finishes last (finish times %v) must be the sleeping task, with no CPU", bad.Finish)
	}
}

// Tightness among canonical workloads: tasks cpu 1; sleep M; cpu 0 and cpu M; sleep 1; cpu 0 take
// 2M+1 in the bad order and M+2 in the good one: the ratio tends to 2.
func TestAnyOrderRatioFamilyApproachesTwo(t *testing.T) {
	prev := 0.0
	for M := model.Duration(1); M <= 64; M *= 2 {
		js := []model.Job{{A: 1, L: M, B: 0}, {A: M, L: 1, B: 0}}
		best, worst := optimum(js), model.Simulate(workload(js), []int{1, 0}).Makespan
		if best != M+2 || worst != 2*M+1 {
			t.Fatalf("M = %d: best %d, worst %d; want %d and %d", M, best, worst, M+2, 2*M+1)
		}
		ratio := float64(worst) / float64(best)
		if ratio <= prev || ratio >= 2 {
			t.Fatalf("M = %d: ratio %.4f does not increase towards 2 (previous %.4f)", M, ratio, prev)
		}
		prev = ratio
	}
	t.Logf("ratio at M = 64: %.4f", prev)
}
