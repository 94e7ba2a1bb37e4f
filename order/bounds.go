package order

import "github.com/gatherorder/gatherorder/model"

// Bounds are the lower bounds on every order's makespan that need no
// search, each O(n log n), for canonical jobs (cpu A; sleep L; cpu B; doc.go
// states the problem). With S = ΣA:
//
//   - CPU = ΣA + ΣB: the loop's one thread runs one phase at a time.
//   - Release: the earliest-release bound on the second phases. Job j's wait ends no
//     earlier than h_j = A_j + L_j (its first phase ends no earlier than
//     A_j) and no second phase starts before S (the first phases run back to
//     back from 0), and the makespan is monotone in the releases, so
//     C >= max over θ of (max(S, θ) + Σ{B_j : h_j >= θ}), the earliest-
//     release list schedule of the B_j released at max(S, h_j) (folklore,
//     the time-reversed image of Jackson's due-date rule; optimal for
//     1|r_j|Cmax, where preemption does not help).
//     It is at least CPU (take θ = min h).
//   - Tail: ignoring that second phases queue, job j ends no earlier than
//     c_j + L_j + B_j, c_j the end of its first phase; the first phases form
//     one sequence from 0, and max_j (c_j + q_j) with tails q_j = L_j + B_j
//     is least in descending-q order (Jackson's rule for 1||Lmax read with
//     tails), so C >= max_k (A_π(1) + … + A_π(k) + q_π(k)) in that order.
//
// Release and Tail are BranchAndBound's LB1 and LB2 at the root (doc.go).
type Bounds struct {
	CPU, Release, Tail model.Duration
}

// Max is the best of the three bounds.
func (b Bounds) Max() model.Duration { return max(b.CPU, b.Release, b.Tail) }

// RootBounds computes the Bounds of jobs.
func RootBounds(jobs []model.Job) Bounds {
	b, _, _ := rootBounds(jobs)
	return b
}

// rootBounds is RootBounds, the order LongestTailFirst it sorts by, and
// the jobs by ascending A + L (ties by index).
func rootBounds(jobs []model.Job) (b Bounds, ltf, byHead []int) {
	var sumA model.Duration
	for _, j := range jobs {
		sumA += j.A
		b.CPU += j.A + j.B
	}
	byHead = orderBy(len(jobs), func(j int) (model.Duration, model.Duration) { return jobs[j].A + jobs[j].L, 0 })
	t := sumA
	for _, j := range byHead {
		t = max(t, jobs[j].A+jobs[j].L) + jobs[j].B
	}
	b.Release = t
	var c model.Duration
	ltf = longestTailFirst(jobs)
	for _, j := range ltf {
		c += jobs[j].A
		b.Tail = max(b.Tail, c+jobs[j].L+jobs[j].B)
	}
	if len(jobs) == 0 {
		b.Release = 0
	}
	return b, ltf, byHead
}
