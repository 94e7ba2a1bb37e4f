package proofs_test

// The two-machine flow shop with job-dependent time lags and unit
// operations, F2|l_j, p_ij=1|Cmax, solved by brute force, written without
// any reference to the event loop: it is the independent side of the
// hardness reduction's check (proofs/hardness.md).

// flowShopSchedule is the earliest-start (semi-active) schedule of the jobs
// with lags l when machine 1 processes them in order m1 and machine 2 in
// order m2: every operation starts as soon as its machine is free and,
// for a second operation, at least l_j after the job's first operation
// ends. It returns the makespan. For fixed machine orders the earliest-start
// schedule is optimal (makespan is a regular objective).
func flowShopSchedule(l []int, m1, m2 []int) int {
	end1 := make([]int, len(l))
	t := 0
	for _, j := range m1 {
		t++ // unit operation from t-1 to t
		end1[j] = t
	}
	t = 0
	for _, j := range m2 {
		t = max(t, end1[j]+l[j]) + 1
	}
	return t
}

// flowShopOptimum is the least makespan over all pairs of machine orders
// (both permutation and non-permutation schedules). It evaluates the
// earliest-start schedule of every pair, abandoning a pair as soon as its
// partial makespan reaches the best found (a pure speed-up: the makespan
// of a machine-2 prefix only grows).
func flowShopOptimum(l []int) int {
	n := len(l)
	orders := allOrders(n)
	best := -1
	avail := make([]int, n)
	for _, m1 := range orders {
		for k, j := range m1 {
			avail[j] = k + 1 + l[j]
		}
	next:
		for _, m2 := range orders {
			t := 0
			for _, j := range m2 {
				t = max(t, avail[j]) + 1
				if best >= 0 && t >= best {
					continue next
				}
			}
			best = t
		}
	}
	return best
}

var ordersCache = map[int][][]int{}

// allOrders lists every permutation of 0..n-1 (cached; tests run serially).
func allOrders(n int) [][]int {
	if o, ok := ordersCache[n]; ok {
		return o
	}
	var o [][]int
	forEachOrder(n, func(p []int) { o = append(o, append([]int(nil), p...)) })
	ordersCache[n] = o
	return o
}

// flowShopReleaseOrder is the makespan when machine 1 runs order m1 and
// machine 2 runs the jobs in order of availability end1_j + l_j (earliest
// release date first; ties in any order, which does not change the
// makespan by lemma L3).
func flowShopReleaseOrder(l []int, m1 []int) int {
	avail := make([]int, len(l))
	for k, j := range m1 {
		avail[j] = k + 1 + l[j]
	}
	m2 := append([]int(nil), m1...)
	// insertion sort by availability: n ≤ 8
	for i := 1; i < len(m2); i++ {
		for k := i; k > 0 && avail[m2[k-1]] > avail[m2[k]]; k-- {
			m2[k-1], m2[k] = m2[k], m2[k-1]
		}
	}
	return flowShopSchedule(l, m1, m2)
}
