package props

import "github.com/gatherorder/gatherorder/model"

// taskTotal is the sum of a task's step durations; a random step
// (model/SEMANTICS.md §S16) counts the sum of its samples.
func taskTotal(t model.Task) model.Duration {
	var s model.Duration
	for j, st := range t.Steps {
		if t.Dists != nil && t.Dists[j].Kind == model.Empirical {
			for _, v := range t.Dists[j].Samples {
				s += v
			}
			continue
		}
		s += st.D
	}
	return s
}

// multisetJobs enumerates every multiset of n tasks drawn from space (which
// is sorted by compareTasks) with total duration ≤ maxTotal, as the
// non-decreasing index sequences i1 ≤ i2 ≤ ... ≤ in; job k enumerates the
// multisets whose smallest task is space[k]. Within a job instances come in
// lexicographic order of the arrangement, hence in increasing Compare
// within one total.
func multisetJobs(space []model.Task, n int, maxTotal model.Duration) []func(yield func(*Instance)) {
	tot := make([]model.Duration, len(space))
	minTot := model.Duration(-1)
	for i, t := range space {
		tot[i] = taskTotal(t)
		if minTot < 0 || tot[i] < minTot {
			minTot = tot[i]
		}
	}
	var jobs []func(yield func(*Instance))
	for first := range space {
		if tot[first]+model.Duration(n-1)*minTot > maxTotal {
			continue
		}
		jobs = append(jobs, func(yield func(*Instance)) {
			idx := make([]int, n)
			idx[0] = first
			var rec func(k int, sum model.Duration)
			rec = func(k int, sum model.Duration) {
				if k == n {
					tasks := make([]model.Task, n)
					for i, j := range idx {
						tasks[i] = space[j]
					}
					yield(newArranged(tasks))
					return
				}
				for j := idx[k-1]; j < len(space); j++ {
					if sum+tot[j]+model.Duration(n-1-k)*minTot > maxTotal {
						continue
					}
					idx[k] = j
					rec(k+1, sum+tot[j])
				}
			}
			rec(1, tot[first])
		})
	}
	return jobs
}

// compositions calls f with every vector of len(lo) durations with
// lo[i] ≤ v[i] ≤ maxDur and sum ≤ maxTotal, in lexicographic order.
func compositions(lo []model.Duration, maxDur, maxTotal model.Duration, f func(v []model.Duration)) {
	v := make([]model.Duration, len(lo))
	var minRest model.Duration
	for _, x := range lo {
		minRest += x
	}
	var rec func(k int, sum, rest model.Duration)
	rec = func(k int, sum, rest model.Duration) {
		if k == len(v) {
			f(v)
			return
		}
		rest -= lo[k]
		for d := lo[k]; d <= maxDur && sum+d+rest <= maxTotal; d++ {
			v[k] = d
			rec(k+1, sum+d, rest)
		}
	}
	rec(0, 0, minRest)
}
