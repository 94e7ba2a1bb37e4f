package model

import "slices"

// Job is a canonical task `cpu A; sleep L; cpu B` reduced to its three
// durations.
type Job struct{ A, L, B Duration }

// AsJob reports whether t is canonical (exactly cpu, sleep, cpu) and
// returns its durations. L = 0 is accepted: the closed form's makespan still
// holds then (see ClosedForm), though per-task finish times may not.
func AsJob(t Task) (Job, bool) {
	s := t.Steps
	if len(s) != 3 || s[0].Kind != CPU || s[1].Kind != Sleep || s[2].Kind != CPU {
		return Job{}, false
	}
	return Job{s[0].D, s[1].D, s[2].D}, true
}

// Task returns the canonical task of j.
func (j Job) Task(name string) Task { return Canonical(name, j.A, j.L, j.B) }

// smallN is the size up to which ClosedForm works in a stack buffer.
const smallN = 32

// ClosedForm is the makespan of gathering canonical jobs in order (nil:
// the given order) without simulating the loop:
//
//	S_k = A_{π(1)} + … + A_{π(k-1)}      (first phases run back to back in
//	                                      iteration 1, in gather order)
//	r_j = S_k + A_j + L_j                 (release: the sleep of the job at
//	                                      position k ends)
//	C   = list schedule of the B_j from time A = ΣA_j, in order of r_j,
//	      never idle while a released job waits: t ← max(t, r_j) + B_j.
//
// The loop runs second phases in release order (equal releases in heapq
// order, which does not change C) and the one-iteration wakeup hop never
// idles the CPU, so C equals the simulated makespan; TestClosedFormMatchesSimulator
// checks this. Any non-idling order of the second phases gives the same C,
// which is why sleep 0 (no timer, the task re-queues itself) and io (events
// before timers) keep the makespan though they reorder the finishes.
// C is also max over jobs j of (max(A, r_j) + Σ_{r_i ≥ r_j} B_i), the
// classical formula for 1|r_j|Cmax under earliest-release-first.
//
// The caller guarantees no overflow (a validated workload cannot overflow).
// For up to 32 jobs ClosedForm does not allocate.
func ClosedForm(jobs []Job, order []int) Duration {
	n := len(jobs)
	var buf [smallN]rel
	var rs []rel
	if n <= smallN {
		rs = buf[:n]
	} else {
		rs = make([]rel, n)
	}
	var s Duration
	for k := 0; k < n; k++ {
		j := k
		if order != nil {
			j = order[k]
		}
		s += jobs[j].A
		rs[k] = rel{s + jobs[j].L, jobs[j].B}
	}
	if n <= smallN {
		insertionSort(rs)
	} else {
		slices.SortFunc(rs, func(x, y rel) int {
			if x.r < y.r {
				return -1
			} else if x.r > y.r {
				return 1
			}
			return 0
		})
	}
	t := s
	for _, x := range rs {
		t = max(t, x.r) + x.b
	}
	return t
}

type rel struct{ r, b Duration }

func insertionSort(rs []rel) {
	for i := 1; i < len(rs); i++ {
		x := rs[i]
		j := i
		for j > 0 && rs[j-1].r > x.r {
			rs[j] = rs[j-1]
			j--
		}
		rs[j] = x
	}
}
