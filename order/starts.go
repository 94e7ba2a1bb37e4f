package order

import "github.com/gatherorder/gatherorder/model"

// The start orders of Search: the constructive rules of heuristic.go
// (JobsLIF, LongestTailFirst, Mitten, JohnsonOrder), computed by one
// O(n log n) sort on keys that end with the job index. They return the
// same orders as those functions (TestStartsAreTheHeuristicsOrders), whose
// stable sorts take a second each at n = 10⁶.

func fastLIF(jobs []model.Job) []int {
	return orderBy(len(jobs), func(j int) (model.Duration, model.Duration) { return -jobs[j].L, 0 })
}

func longestTailFirst(jobs []model.Job) []int {
	return orderBy(len(jobs), func(j int) (model.Duration, model.Duration) {
		return -(jobs[j].L + jobs[j].B), -jobs[j].L
	})
}

func fastMitten(jobs []model.Job) []int {
	return fastJohnson(jobs, func(j model.Job) (model.Duration, model.Duration) { return j.A + j.L, j.L + j.B })
}

func fastJohnsonOrder(jobs []model.Job) []int {
	return fastJohnson(jobs, func(j model.Job) (model.Duration, model.Duration) { return j.A, j.L + j.B })
}

// fastJohnson is Johnson's rule on the pairs times gives: jobs with a <= b
// first by ascending a, then the others by descending b, ties by index.
func fastJohnson(jobs []model.Job, times func(model.Job) (a, b model.Duration)) []int {
	return orderBy(len(jobs), func(j int) (model.Duration, model.Duration) {
		a, b := times(jobs[j])
		if a <= b {
			return 0, a
		}
		return 1, -b
	})
}

// startOrders are the start orders in the order Search tries them.
var startOrders = []struct {
	name  string
	order func([]model.Job) []int
}{
	{"lif", fastLIF},
	{"ltf", longestTailFirst},
	{"mitten", fastMitten},
	{"johnson", fastJohnsonOrder},
}
