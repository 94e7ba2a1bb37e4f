package props

import (
	"fmt"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// lifOptimal: every order longest-IO-first can produce (any given order,
// hence any tie-break) has the least makespan.
func lifOptimal(e *Eval, in *Instance) *Failure {
	ms := e.All(in)
	b, best := e.Best(in)
	for _, r := range e.LIF(in) {
		if ms[r] > best {
			return &Failure{
				Reason:      fmt.Sprintf("longest-IO-first takes %s, the best order %s", e.f(ms[r]), e.f(best)),
				Comparisons: []Comparison{e.compare("lif", in, r), e.compare("best", in, b)},
			}
		}
	}
	return nil
}

// lifBeatsSIF: for every given order, LIF's order is no slower than SIF's.
func lifBeatsSIF(e *Eval, in *Instance) *Failure {
	ms := e.All(in)
	ps := perms(len(in.W.Tasks))
	for _, r := range e.LIF(in) {
		s := rank(e.SIFPartner(in, ps[r]))
		if ms[r] > ms[s] {
			return &Failure{
				Reason:      fmt.Sprintf("longest-IO-first takes %s, shortest-IO-first %s", e.f(ms[r]), e.f(ms[s])),
				Comparisons: []Comparison{e.compare("lif", in, r), e.compare("sif", in, s)},
			}
		}
	}
	return nil
}

// sifWorst: every order shortest-IO-first can produce has the largest
// makespan of all orders.
func sifWorst(e *Eval, in *Instance) *Failure {
	ms := e.All(in)
	w, worst := e.Worst(in)
	for _, r := range e.SIF(in) {
		if ms[r] < worst {
			return &Failure{
				Reason:      fmt.Sprintf("shortest-IO-first takes %s, the slowest order %s", e.f(ms[r]), e.f(worst)),
				Comparisons: []Comparison{e.compare("sif", in, r), e.compare("worst", in, w)},
			}
		}
	}
	return nil
}

// within returns the predicate "every order's makespan is at most num/den
// times the optimum", compared exactly in integers.
func within(num, den model.Duration) Predicate {
	return func(e *Eval, in *Instance) *Failure {
		b, best := e.Best(in)
		w, worst := e.Worst(in)
		if worst*den > num*best {
			return &Failure{
				Reason:      fmt.Sprintf("the slowest order takes %s > %d/%d × the best %s", e.f(worst), num, den, e.f(best)),
				Comparisons: []Comparison{e.compare("worst", in, w), e.compare("best", in, b)},
			}
		}
		return nil
	}
}

// orderIrrelevant: all orders have the same makespan.
func orderIrrelevant(e *Eval, in *Instance) *Failure {
	b, best := e.Best(in)
	w, worst := e.Worst(in)
	if worst != best {
		return &Failure{
			Reason:      fmt.Sprintf("orders take from %s to %s", e.f(best), e.f(worst)),
			Comparisons: []Comparison{e.compare("worst", in, w), e.compare("best", in, b)},
		}
	}
	return nil
}

// lastIO is the time at which the last wait (sleep or io) of in gathered in
// order p is due, from a traced simulation.
func (e *Eval) lastIO(in *Instance, p []int) model.Duration {
	var last model.Duration
	if e.rt.Trio {
		return e.trioLastIO(in.W, p)
	}
	if in.Jobs != nil && e.rt.Base() {
		// Canonical: the wait of the job at position k ends at
		// A_π(1) + … + A_π(k) + L_π(k) (model.ClosedForm's releases).
		var s model.Duration
		for _, j := range p {
			s += in.Jobs[j].A
			last = max(last, s+in.Jobs[j].L)
		}
		return last
	}
	e.sim.Runtime = e.rt.Sim
	for _, wt := range e.sim.Run(in.W, p, true).Waits {
		last = max(last, wt.Due)
	}
	return last
}

// lifMinimizesLastIO: every LIF order attains the least time at which the
// last wait completes, over all orders.
func lifMinimizesLastIO(e *Eval, in *Instance) *Failure {
	ps := perms(len(in.W.Tasks))
	io := make([]model.Duration, len(ps))
	b := 0
	for r, p := range ps {
		io[r] = e.lastIO(in, p)
		if io[r] < io[b] {
			b = r
		}
	}
	for _, r := range e.LIF(in) {
		if io[r] > io[b] {
			c1, c2 := e.compare("lif", in, r), e.compare("best", in, b)
			c1.Measure, c1.Value = "last_io", io[r]
			c2.Measure, c2.Value = "last_io", io[b]
			return &Failure{
				Reason:      fmt.Sprintf("under longest-IO-first the last wait ends at %s, under another order at %s", e.f(io[r]), e.f(io[b])),
				Comparisons: []Comparison{c1, c2},
			}
		}
	}
	return nil
}

// shorterNeverHurts: for every order and every step with d ≥ 1, the
// workload with that step shortened by one unit has no larger makespan.
// Over the integers this is equivalent to "shortening by any amount never
// hurts" (a shortening by k is k unit shortenings, each of an instance of
// the same class; doc.go).
func shorterNeverHurts(e *Eval, in *Instance) *Failure {
	ms := e.All(in)
	ps := perms(len(in.W.Tasks))
	for i, t := range in.W.Tasks {
		for j, st := range t.Steps {
			if st.D < e.unit() {
				continue
			}
			tasks := slices.Clone(in.W.Tasks)
			tasks[i].Steps = slices.Clone(t.Steps)
			tasks[i].Steps[j].D -= e.unit()
			short := newArranged(tasks)
			if in.W.Limit.Bounded() {
				short = short.withLimit(in.W.Limit)
			}
			for r, p := range ps {
				if m := e.Makespan(short, p); m > ms[r] {
					c2 := Comparison{Label: "shortened", W: short.W, Order: slices.Clone(p), Makespan: m}
					return &Failure{
						Reason: fmt.Sprintf("shortening step %d of task %s from %s to %s raises the makespan from %s to %s",
							j+1, t.Name, e.f(st.D), e.f(st.D-e.unit()), e.f(ms[r]), e.f(m)),
						Comparisons: []Comparison{e.compare("original", in, r), c2},
					}
				}
			}
		}
	}
	return nil
}

// lifWithinOnePhase: on equal-CPU instances (phases c), every LIF order's
// makespan is at most the optimum plus c.
func lifWithinOnePhase(e *Eval, in *Instance) *Failure {
	if len(in.Jobs) == 0 {
		return nil
	}
	c := in.Jobs[0].A
	ms := e.All(in)
	b, best := e.Best(in)
	for _, r := range e.LIF(in) {
		if ms[r] > best+c {
			return &Failure{
				Reason:      fmt.Sprintf("longest-IO-first takes %s > the best %s plus one CPU phase %s", e.f(ms[r]), e.f(best), e.f(c)),
				Comparisons: []Comparison{e.compare("lif", in, r), e.compare("best", in, b)},
			}
		}
	}
	return nil
}

// ruleWithin returns the predicate "every order the rule can produce (every
// tie-break) has a makespan of at most num/den times the optimum",
// compared exactly in integers; orders lists the rule's orders.
func ruleWithin(name string, orders func(e *Eval, in *Instance) []int, num, den model.Duration) Predicate {
	return func(e *Eval, in *Instance) *Failure {
		ms := e.All(in)
		b, best := e.Best(in)
		for _, r := range orders(e, in) {
			if ms[r]*den > num*best {
				return &Failure{
					Reason:      fmt.Sprintf("%s takes %s > %d/%d × the best %s", name, e.f(ms[r]), num, den, e.f(best)),
					Comparisons: []Comparison{e.compare(name, in, r), e.compare("best", in, b)},
				}
			}
		}
		return nil
	}
}

func lifOrders(e *Eval, in *Instance) []int { return e.LIF(in) }
func ltfOrders(e *Eval, in *Instance) []int { return e.LTF(in) }

// lifAdditive: on equal-CPU instances of n tasks with phases c, every LIF
// order's makespan is at most the optimum plus (n−1)c/2.
func lifAdditive(e *Eval, in *Instance) *Failure {
	if len(in.Jobs) == 0 {
		return nil
	}
	n, c := model.Duration(len(in.Jobs)), in.Jobs[0].A
	ms := e.All(in)
	b, best := e.Best(in)
	for _, r := range e.LIF(in) {
		if 2*(ms[r]-best) > (n-1)*c {
			return &Failure{
				Reason:      fmt.Sprintf("longest-IO-first takes %s > the best %s plus (n-1)c/2 = %d*%s/2", e.f(ms[r]), e.f(best), n-1, e.f(c)),
				Comparisons: []Comparison{e.compare("lif", in, r), e.compare("best", in, b)},
			}
		}
	}
	return nil
}

// distinctWaits reports whether no two tasks of in have the same IO time,
// so that longest-IO-first has exactly one order.
func distinctWaits(in *Instance) bool {
	seen := map[model.Duration]bool{}
	for _, t := range in.W.Tasks {
		if seen[t.IOTime()] {
			return false
		}
		seen[t.IOTime()] = true
	}
	return true
}

// lifOptimalDistinctWaits is lifOptimal on instances whose waits are
// pairwise distinct (where the tie-break cannot matter); it holds
// vacuously on the others.
func lifOptimalDistinctWaits(e *Eval, in *Instance) *Failure {
	if !distinctWaits(in) {
		return nil
	}
	return lifOptimal(e, in)
}

// keyedOrders returns the ranks of every order of in whose jobs' keys are
// non-decreasing: every tie-break of a rule that sorts by key.
func keyedOrders(e *Eval, in *Instance, key func(model.Job) [2]model.Duration) []int {
	if in.Jobs == nil {
		return nil
	}
	keys := make([][2]model.Duration, len(in.Jobs))
	for i, j := range in.Jobs {
		keys[i] = key(j)
	}
	var out []int
	for r, p := range perms(len(keys)) {
		ok := true
		for k := 1; k < len(p) && ok; k++ {
			a, b := keys[p[k-1]], keys[p[k]]
			ok = a[0] < b[0] || a[0] == b[0] && a[1] <= b[1]
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// johnsonKey is Johnson's rule on the pair (a, b) as a sort key: jobs with
// a ≤ b first by ascending a, then the others by descending b.
func johnsonKey(a, b model.Duration) [2]model.Duration {
	if a <= b {
		return [2]model.Duration{0, a}
	}
	return [2]model.Duration{1, -b}
}

// mittenOrders: every order Mitten's rule (Johnson's rule on
// (A + L, L + B), as order.Mitten) can produce, one per tie-break.
func mittenOrders(e *Eval, in *Instance) []int {
	return keyedOrders(e, in, func(j model.Job) [2]model.Duration { return johnsonKey(j.A+j.L, j.L+j.B) })
}
