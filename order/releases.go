package order

import "github.com/gatherorder/gatherorder/model"

// releaseTree is an incremental evaluator of model.ClosedForm: the makespan
// of a gather order kept up to date while jobs exchange neighbouring gather
// positions, at O(log n) per exchange instead of ClosedForm's O(n log n).
//
// Exchanging the jobs u, v at gather positions k, k+1 moves only their own
// releases: v's first phase now ends A_u earlier and u's A_v later, so
// r_v -= A_u and r_u += A_v; every other prefix sum is unchanged. The tree
// keeps the jobs in slots sorted by unclamped release r = c + L (ties in any
// order) and, over the slots, a segment tree whose node holds
//
//	sum = Σ b over its slots,
//	f   = max over its slots p of (r_p + Σ{b_q : q >= p in the node}),
//
// combined as sum = sum_L + sum_R, f = max(f_L + sum_R, f_R). At the root
// f = max_j (r_j + Σ{B_i : r_i >= r_j}) taken over the slot order, which is
// the same maximum whatever the order of equal releases (the first slot of
// a run of equal releases counts all of them, and it dominates the rest).
// The makespan is then max(ΣA + ΣB, f): the closed form clamps releases to
// ΣA, which only turns the terms of jobs released before ΣA into
// ΣA + ΣB, the largest of them, and leaves the others as they are.
type releaseTree struct {
	jobs   []model.Job
	ord    []int // gather order: ord[k] is the job at position k
	pos    []int // pos[j] is job j's gather position
	r      []model.Duration
	slotOf []int // slot of job j
	jobAt  []int // job in slot p
	size   int   // leaves, a power of two >= n
	sum, f []model.Duration
	floor  model.Duration // ΣA + ΣB, the closed form's bound on idle-free work
}

// negInf is an empty slot's f: low enough to lose every max, high enough
// that adding any valid sum of durations cannot overflow.
const negInf = model.Duration(-1 << 62)

// releaseSlots returns each job's unclamped release under ord and the jobs
// in release order, ties by gather position (any tie order gives the same
// maximum).
func releaseSlots(jobs []model.Job, ord []int) (r []model.Duration, slots []int) {
	r = make([]model.Duration, len(jobs))
	var c model.Duration
	for _, j := range ord {
		c += jobs[j].A
		r[j] = c + jobs[j].L
	}
	slots = append([]int(nil), ord...)
	sortByKey(slots, r)
	return r, slots
}

// linearMakespan is model.ClosedForm computed from releaseSlots, without
// building a tree: the earliest-release list schedule from ΣA.
func linearMakespan(jobs []model.Job, r []model.Duration, slots []int) model.Duration {
	var t model.Duration
	for _, j := range jobs {
		t += j.A
	}
	for _, j := range slots {
		t = max(t, r[j]) + jobs[j].B
	}
	return t
}

func newReleaseTree(jobs []model.Job, ord []int) *releaseTree {
	r, slots := releaseSlots(jobs, ord)
	return newReleaseTreeFrom(jobs, ord, r, slots)
}

// newReleaseTreeFrom builds the tree from releaseSlots(jobs, ord).
func newReleaseTreeFrom(jobs []model.Job, ord []int, r []model.Duration, slots []int) *releaseTree {
	n := len(jobs)
	t := &releaseTree{jobs: jobs, ord: append([]int(nil), ord...), pos: make([]int, n), r: r, slotOf: make([]int, n), jobAt: slots}
	for k, j := range ord {
		t.pos[j] = k
	}
	for _, j := range jobs {
		t.floor += j.A + j.B
	}
	for p, j := range t.jobAt {
		t.slotOf[j] = p
	}
	t.size = 1
	for t.size < n {
		t.size *= 2
	}
	t.sum = make([]model.Duration, 2*t.size)
	t.f = make([]model.Duration, 2*t.size)
	for p := range t.size {
		t.setLeaf(p)
	}
	for i := t.size - 1; i >= 1; i-- {
		t.pull(i)
	}
	return t
}

func (t *releaseTree) setLeaf(p int) {
	i := t.size + p
	if p >= len(t.jobAt) {
		t.sum[i], t.f[i] = 0, negInf
		return
	}
	j := t.jobAt[p]
	t.sum[i] = t.jobs[j].B
	t.f[i] = t.r[j] + t.jobs[j].B
}

func (t *releaseTree) pull(i int) {
	l, r := 2*i, 2*i+1
	t.sum[i] = t.sum[l] + t.sum[r]
	t.f[i] = max(t.f[l]+t.sum[r], t.f[r])
}

// makespan is the current order's model.ClosedForm.
func (t *releaseTree) makespan() model.Duration {
	if len(t.ord) == 0 {
		return 0
	}
	return max(t.floor, t.f[1])
}

// swap exchanges the jobs at gather positions k and k+1.
func (t *releaseTree) swap(k int) {
	u, v := t.ord[k], t.ord[k+1]
	t.ord[k], t.ord[k+1] = v, u
	t.pos[u], t.pos[v] = k+1, k
	t.move(u, t.r[u]+t.jobs[v].A)
	t.move(v, t.r[v]-t.jobs[u].A)
}

// move sets job j's release to r and restores the slot order by moving j
// past its new neighbours.
func (t *releaseTree) move(j int, r model.Duration) {
	t.r[j] = r
	p0 := t.slotOf[j]
	p := p0
	for p > 0 && t.r[t.jobAt[p-1]] > r {
		t.jobAt[p] = t.jobAt[p-1]
		t.slotOf[t.jobAt[p]] = p
		p--
	}
	for p+1 < len(t.jobAt) && t.r[t.jobAt[p+1]] < r {
		t.jobAt[p] = t.jobAt[p+1]
		t.slotOf[t.jobAt[p]] = p
		p++
	}
	t.jobAt[p], t.slotOf[j] = j, p
	t.fixRange(min(p, p0), max(p, p0))
}

// fixRange recomputes the leaves of slots lo..hi and their ancestors, level
// by level: O(hi - lo + log n).
func (t *releaseTree) fixRange(lo, hi int) {
	for p := lo; p <= hi; p++ {
		t.setLeaf(p)
	}
	l, h := (t.size+lo)/2, (t.size+hi)/2
	for l >= 1 {
		for i := l; i <= h; i++ {
			t.pull(i)
		}
		l, h = l/2, h/2
	}
}

// critical is the slot whose term attains the makespan's maximum f: from
// it on, the jobs run back to back to the end. The jobs of those slots
// are the ones a move can help by releasing earlier. With the makespan at
// ΣA + ΣB (no term above it) it is some slot as well.
func (t *releaseTree) critical() int {
	i := 1
	for i < t.size {
		l, r := 2*i, 2*i+1
		if t.f[r] >= t.f[l]+t.sum[r] {
			i = r
		} else {
			i = l
		}
	}
	return min(i-t.size, len(t.jobAt)-1)
}
