package proofs_test

// Checks of proofs/any-order-within-2x-semaphore-2.md,
// proofs/semaphore-1-order-free.md and proofs/workers-1-order-free.md:
// under a limit of k slots (a Semaphore(k) or k workers,
// model/SEMANTICS.md §S17) the loop idles only while the last task is in
// one of its waits or while every slot is held by a task in one of its
// waits, so C ≤ P + W_z + Σ_{i≠z} W_i / k ≤ (3 − 2/k)·OPT.

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// limitsUpTo3 are the limits the lemmas are checked under.
var limitsUpTo3 = func() []model.Limit {
	var ls []model.Limit
	for _, kind := range []model.LimitKind{model.Semaphore, model.Workers} {
		for k := 1; k <= 3; k++ {
			ls = append(ls, model.Limit{Kind: kind, K: k})
		}
	}
	return ls
}()

// underEachLimit runs check on w under every limit of limitsUpTo3.
func underEachLimit(w *model.Workload, check func(w *model.Workload) string) string {
	for _, l := range limitsUpTo3 {
		u := *w
		u.Limit = l
		if msg := check(&u); msg != "" {
			return fmt.Sprintf("%s: %s", l, msg)
		}
	}
	return ""
}

// Lemma G1: k·C ≤ k·(P + W_z) + Σ_{i≠z} W_i for a task z that finishes
// last, in every order, under every limit.
func TestG1IdleUnderALimitIsCoveredByTheLastTaskAndTheSlots(t *testing.T) {
	sweepWorkloads(t, func(w *model.Workload) string {
		return underEachLimit(w, func(w *model.Workload) string {
			var cpu, waits model.Duration
			for _, tk := range w.Tasks {
				cpu += cpuTime(tk)
				waits += tk.IOTime()
			}
			k := model.Duration(w.Limit.K)
			return eachOrder(w, func(p []int, r *model.Result) string {
				for z, f := range r.Finish {
					wz := w.Tasks[z].IOTime()
					if f == r.Makespan && k*r.Makespan > k*(cpu+wz)+waits-wz {
						return fmt.Sprintf("makespan %d > P %d + W_z %d + (others' waits %d)/%d", r.Makespan, cpu, wz, waits-wz, k)
					}
				}
				return ""
			})
		})
	})
}

// Lemma G2: every order takes at least P, each task's total T_j and
// ⌈ΣT/k⌉ (order.LimitedBound, which adds the release bound).
func TestG2EveryOrderUnderALimitTakesTheLowerBounds(t *testing.T) {
	sweepWorkloads(t, func(w *model.Workload) string {
		return underEachLimit(w, func(w *model.Workload) string {
			lb := order.LimitedBound(w)
			// Each bound of G2 on its own, from the tasks' durations (for
			// k = 1 the last is C >= the sum of all T_j, the lower bound of
			// semaphore-1-order-free.md and workers-1-order-free.md).
			var cpu, total, longest model.Duration
			for _, tk := range w.Tasks {
				tj := cpuTime(tk) + tk.IOTime()
				cpu += cpuTime(tk)
				total += tj
				longest = max(longest, tj)
			}
			k := model.Duration(w.Limit.K)
			return eachOrder(w, func(p []int, r *model.Result) string {
				switch {
				case r.Makespan < lb:
					return fmt.Sprintf("makespan %d below the lower bound %d", r.Makespan, lb)
				case r.Makespan < cpu:
					return fmt.Sprintf("makespan %d below P %d", r.Makespan, cpu)
				case r.Makespan < longest:
					return fmt.Sprintf("makespan %d below the longest task's T_j %d", r.Makespan, longest)
				case k*r.Makespan < total:
					return fmt.Sprintf("makespan %d below (sum of T_j %d)/%d", r.Makespan, total, k)
				}
				return ""
			})
		})
	})
}

// Theorem: every order is within (3 − 2/k) of the optimum under a limit of
// k: 1 for k = 1 (every order takes ΣT, the claims semaphore-1-order-free
// and workers-1-order-free), 2 for k = 2 (any-order-within-2x-semaphore-2).
func TestAnyOrderUnderALimitWithinThreeMinusTwoOverK(t *testing.T) {
	sweepWorkloads(t, func(w *model.Workload) string {
		return underEachLimit(w, func(w *model.Workload) string {
			var total model.Duration
			for _, tk := range w.Tasks {
				total += order.TotalDuration(tk)
			}
			opt := model.Duration(-1)
			var all []model.Duration
			eachOrder(w, func(p []int, r *model.Result) string {
				all = append(all, r.Makespan)
				if opt < 0 || r.Makespan < opt {
					opt = r.Makespan
				}
				return ""
			})
			k := model.Duration(w.Limit.K)
			for _, c := range all {
				if k*c > (3*k-2)*opt {
					return fmt.Sprintf("an order takes %d > (3 - 2/%d) × the optimum %d", c, k, opt)
				}
				if k == 1 && c != total {
					return fmt.Sprintf("an order takes %d, not the sum of all durations %d", c, total)
				}
			}
			return ""
		})
	})
}
