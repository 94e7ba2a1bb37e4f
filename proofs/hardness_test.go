package proofs_test

// Checks of proofs/hardness.md: the reduction from F2|l_j, p_ij=1|Cmax to
// the best gather order with all CPU phases equal.

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
)

// reduce maps a flow-shop instance with lags l to the gather workload whose
// task j is cpu 1; sleep l_j + shift; cpu 1 (unit: 1 ns).
func reduce(l []int, shift int) []model.Job {
	js := make([]model.Job, len(l))
	for j, x := range l {
		js[j] = model.Job{A: 1, L: model.Duration(x + shift), B: 1}
	}
	return js
}

// flowShopInstances draws the seeded random instances of the reduction's
// check: n uniform in [1, 6], lags uniform in [0, 8].
func flowShopInstances(count int, seed uint64) [][]int {
	rng := rand.New(rand.NewPCG(seed, 2004))
	out := make([][]int, count)
	for i := range out {
		l := make([]int, 1+rng.IntN(6))
		for j := range l {
			l[j] = rng.IntN(9)
		}
		out[i] = l
	}
	return out
}

func reductionInstances() int {
	if verify.On() {
		return 20000
	}
	return 1000
}

// The theorem's executable check: the gather optimum of the reduced
// instance (by simulation over all orders) exceeds the flow-shop optimum
// (by brute force over both machines' orders) by exactly the shift, for the
// shift n used in the proof and for the least admissible shift n-1.
func TestHardnessReductionShiftsTheOptimumByExactlyTheShift(t *testing.T) {
	insts := flowShopInstances(reductionInstances(), 1)
	perN := map[int]int{}
	differ := 0 // instances where the best M2 order differs from the M1 order
	for _, l := range insts {
		n := len(l)
		fs := flowShopOptimum(l)
		for _, shift := range []int{n, n - 1} {
			js := reduce(l, shift)
			if minLag(l)+shift < 1 {
				continue // n = 1 with lag 0: sleep 0 is not canonical
			}
			if g := optimum(js); g != model.Duration(fs+shift) {
				t.Fatalf("lags %v, shift %d: flow-shop optimum %d, gather optimum %d, want %d", l, shift, fs, g, fs+shift)
			}
		}
		if !permutationOptimal(l, fs) {
			differ++
		}
		perN[n]++
	}
	t.Logf("%d random instances (seed 1; instances per n: %v): gather optimum = flow-shop optimum + shift for shifts n and n-1; %d instances have no optimal permutation schedule", len(insts), perN, differ)
}

func minLag(l []int) int {
	m := l[0]
	for _, x := range l {
		m = min(m, x)
	}
	return m
}

// permutationOptimal reports whether some schedule with the same order on
// both machines attains the optimum fs.
func permutationOptimal(l []int, fs int) bool {
	ok := false
	forEachOrder(len(l), func(p []int) {
		if flowShopSchedule(l, p, p) == fs {
			ok = true
		}
	})
	return ok
}

// Lemma H2: for a fixed order on machine 1, running machine 2 in
// availability order is optimal among all machine-2 orders.
func TestHardnessLemmaReleaseOrderOnMachine2LosesNothing(t *testing.T) {
	for _, l := range flowShopInstances(reductionInstances()/10, 2) {
		forEachOrder(len(l), func(m1 []int) {
			erd := flowShopReleaseOrder(l, m1)
			best := -1
			forEachOrder(len(l), func(m2 []int) {
				if c := flowShopSchedule(l, m1, m2); best < 0 || c < best {
					best = c
				}
			})
			if erd != best {
				t.Fatalf("lags %v, machine-1 order %v: availability order gives %d, best machine-2 order %d", l, m1, erd, best)
			}
		})
	}
}

// Lemma H3: for every gather order π, the reduced workload's makespan is
// the flow-shop makespan with machine-1 order π and machine 2 in
// availability order, plus the shift (shift ≥ n-1).
func TestHardnessLemmaEveryOrderCostsTheFlowShopMakespanPlusTheShift(t *testing.T) {
	var s model.Sim
	for _, l := range flowShopInstances(reductionInstances(), 3) {
		n := len(l)
		for _, shift := range []int{n - 1, n, n + 3} {
			if minLag(l)+shift < 1 {
				continue
			}
			w := workload(reduce(l, shift))
			forEachOrder(n, func(p []int) {
				if g, f := s.Run(w, p, false).Makespan, flowShopReleaseOrder(l, p); g != model.Duration(f+shift) {
					t.Fatalf("lags %v, shift %d, order %v: gather %d, flow shop %d + shift", l, shift, p, g, f)
				}
			})
		}
	}
}

// The shift condition is needed: with a shift of n-2 the job released
// first can be released before ΣA = n, and the second stage then waits for
// the first stage. With every lag 0 the flow shop finishes at n+1 (machine
// 2 busy from time 1) but the gather needs 2n > n+1 + (n-2). This also
// shows that the reduction's check can fail.
func TestHardnessShiftBelowNMinus1BreaksTheReduction(t *testing.T) {
	// n ≥ 3: for n = 2 the lag 0 with shift 0 would be sleep 0, outside
	// the canonical class.
	for n := 3; n <= 6; n++ {
		l := make([]int, n)
		shift := n - 2
		fs, g := flowShopOptimum(l), optimum(reduce(l, shift))
		if g == model.Duration(fs+shift) {
			t.Errorf("lags %v, shift %d: gather optimum %d = flow-shop optimum %d + shift; the shift condition would be unnecessary here", l, shift, g, fs)
		} else {
			t.Logf("lags %v, shift %d = n-2: gather optimum %d, flow-shop optimum %d + shift = %d", l, shift, g, fs, fs+shift)
		}
	}
}

func Example_hardnessReduction() {
	l := []int{0, 2, 2} // lags of a three-job flow shop
	js := reduce(l, len(l))
	fmt.Println(flowShopOptimum(l), optimum(js))
	// Output: 6 9
}
