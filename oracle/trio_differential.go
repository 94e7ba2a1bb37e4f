package oracle

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// TrioCheck says what Trio.Differential does with every workload.
type TrioCheck struct {
	// MaxPaths: when the model's distribution is exact with at most this
	// many coin paths (0: 64), every path is run on Trio (TrioEnumerate,
	// arming-order ties) and compared with the model's path, and the
	// paths' probabilities with the model's distribution.
	MaxPaths int
	// Mock also enumerates those workloads on the stock
	// trio.testing.MockClock where it applies (no io, durations summing
	// below 2^53 ns).
	Mock bool
	// Seeded runs per workload with Trio's seeded random.Random and
	// arming-order ties, each replayed through model.Trio.Path with the
	// coins it threw; seed k of workload j is SeedBase + j·Seeded + k.
	Seeded   int
	SeedBase uint64
	// Unpatched runs per workload (seeded the same way) with Trio's own
	// tie key, id(cancel_scope); each outcome must lie in
	// model.Trio.Support under arbitrary ties (model.TiesHeapq).
	Unpatched int
	// Model is the model's configuration (its MaxStates bounds the
	// enumerations).
	Model model.Trio
}

// TrioAgreement counts what Trio.Differential compared.
type TrioAgreement struct {
	Workloads, Tasks, Steps int
	// Exact counts the workloads whose model distribution is exact.
	Exact int
	// Enumerated workloads had every coin path run on Trio, Paths paths
	// in all (MockEnumerated and MockPaths: on MockClock).
	Enumerated, Paths         int
	MockEnumerated, MockPaths int
	// SeededRuns were replayed through model.Trio.Path.
	SeededRuns int
	// UnpatchedRuns were checked against the arbitrary-tie support
	// (UnpatchedSkipped more were not, the support exceeding
	// Model.MaxStates); OffArmed of them lie outside the arming-order
	// support: outcomes that only other tie orders give.
	UnpatchedRuns, UnpatchedSkipped, OffArmed int
	// Mismatches counts the workloads where any check failed; First is
	// the index of the first (-1 when none) and FirstReport describes it.
	Mismatches  int
	First       int
	FirstReport string
}

// trioJob is one request of Differential and the workload it belongs to.
type trioJob struct {
	k   int
	req TrioRequest
}

// Differential runs the checks of c on every workload ws[j] started in
// orders[j] (orders may be nil). A failed check is a result, counted in
// the agreement with a report of the first; the error reports a driver
// that failed or an invalid workload.
func (p *Trio) Differential(ws []*model.Workload, orders [][]int, c TrioCheck) (TrioAgreement, error) {
	a := TrioAgreement{First: -1}
	maxPaths := c.MaxPaths
	if maxPaths <= 0 {
		maxPaths = 64
	}
	for lo := 0; lo < len(ws); lo += diffChunk / 4 {
		hi := min(len(ws), lo+diffChunk/4)
		dists := make([]*model.Distribution, hi-lo)
		var jobs []trioJob
		for k := lo; k < hi; k++ {
			w, order := ws[k], orderAt(orders, k)
			d, err := c.Model.Distribution(w, order)
			if err != nil {
				return a, fmt.Errorf("oracle: workload %d: %w", k, err)
			}
			dists[k-lo] = d
			if d.Exact && d.Paths <= uint64(maxPaths) {
				jobs = append(jobs, trioJob{k, TrioRequest{Mode: TrioEnumerate, MaxPaths: maxPaths, Ties: model.TiesArmed}})
				if c.Mock && mockable(w) {
					jobs = append(jobs, trioJob{k, TrioRequest{Mode: TrioEnumerate, MaxPaths: maxPaths, Ties: model.TiesArmed, Mock: true}})
				}
			}
			if c.Seeded > 0 {
				jobs = append(jobs, trioJob{k, TrioRequest{Mode: TrioSeeded, Seeds: seeds(c.SeedBase, k, c.Seeded), Ties: model.TiesArmed}})
			}
			if c.Unpatched > 0 {
				jobs = append(jobs, trioJob{k, TrioRequest{Mode: TrioSeeded, Seeds: seeds(c.SeedBase, k, c.Unpatched), Ties: model.TiesHeapq}})
			}
		}
		jw := make([]*model.Workload, len(jobs))
		jo := make([][]int, len(jobs))
		jr := make([]TrioRequest, len(jobs))
		for i, j := range jobs {
			jw[i], jo[i], jr[i] = ws[j.k], orderAt(orders, j.k), j.req
		}
		runs, err := p.RunBatch(jw, jo, jr)
		if err != nil {
			return a, err
		}
		failed := map[int]string{}
		for i, j := range jobs {
			w, order, d := ws[j.k], orderAt(orders, j.k), dists[j.k-lo]
			msg := ""
			switch {
			case j.req.Mode == TrioEnumerate:
				msg = c.checkEnumeration(w, order, d, runs[i])
				if j.req.Mock {
					a.MockEnumerated++
					a.MockPaths += len(runs[i])
				} else {
					a.Enumerated++
					a.Paths += len(runs[i])
				}
			case j.req.Ties == model.TiesArmed:
				msg = c.checkPaths(w, order, d, runs[i])
				a.SeededRuns += len(runs[i])
			default:
				var checked, off int
				msg, checked, off = c.checkUnpatched(w, order, d, runs[i])
				a.UnpatchedRuns += checked
				a.UnpatchedSkipped += len(runs[i]) - checked
				a.OffArmed += off
			}
			if msg != "" && failed[j.k] == "" {
				mode := j.req.Mode.String()
				if j.req.Mock {
					mode += " on MockClock"
				}
				if j.req.Ties == model.TiesHeapq {
					mode += " with Trio's own ties"
				}
				failed[j.k] = fmt.Sprintf("%s (%s)", msg, mode)
			}
		}
		for k := lo; k < hi; k++ {
			w := ws[k]
			a.Workloads++
			a.Tasks += len(w.Tasks)
			for _, t := range w.Tasks {
				a.Steps += len(t.Steps)
			}
			if dists[k-lo].Exact {
				a.Exact++
			}
			if msg := failed[k]; msg != "" {
				if a.Mismatches == 0 {
					a.First = k
					a.FirstReport = fmt.Sprintf("workload %d: %s\nworkload: %s\nstart order: %s", k, msg, model.Marshal(w), orderNames(w, orderAt(orders, k)))
				}
				a.Mismatches++
			}
		}
	}
	return a, nil
}

func orderAt(orders [][]int, k int) []int {
	if orders == nil {
		return nil
	}
	return orders[k]
}

// seeds are the seeds of workload k: base + k·n + i.
func seeds(base uint64, k, n int) []uint64 {
	s := make([]uint64, n)
	for i := range s {
		s[i] = base + uint64(k)*uint64(n) + uint64(i)
	}
	return s
}

// mockable reports whether the stock MockClock can run w exactly: no io
// (MockClock's autojump sees deadlines only) and float time exact.
func mockable(w *model.Workload) bool {
	var total model.Duration
	for _, t := range w.Tasks {
		for _, s := range t.Steps {
			if s.Kind == model.IO {
				return false
			}
			total += s.D
		}
	}
	return total < 1<<53
}

func orderNames(w *model.Workload, order []int) string {
	if order == nil {
		order = make([]int, len(w.Tasks))
		for i := range order {
			order[i] = i
		}
	}
	names := make([]string, len(order))
	for k, i := range order {
		names[k] = w.Tasks[i].Name
	}
	return strings.Join(names, ", ")
}

// checkPaths replays every run through model.Trio.Path with its coins:
// the same finishes, makespan and CPU segments, and an outcome of the
// model's support.
func (c TrioCheck) checkPaths(w *model.Workload, order []int, d *model.Distribution, runs []TrioRun) string {
	for _, r := range runs {
		m, err := c.Model.Path(w, order, r.Coins)
		if err != nil {
			return fmt.Sprintf("Trio threw coins %s, which the model cannot replay: %v", coinString(r.Coins), err)
		}
		if !Same(m, r.Result()) {
			return fmt.Sprintf("coins %s: model and Trio disagree:\n%s", coinString(r.Coins), Diff(w, m, r.Result()))
		}
		if d.Exact && d.Probability(r.Finish).Sign() == 0 {
			return fmt.Sprintf("coins %s: Trio's outcome %v is not in the model's support", coinString(r.Coins), r.Finish)
		}
	}
	return ""
}

// checkEnumeration checks every path (checkPaths) and that the paths,
// each of probability 2^-(its coins), make exactly the model's
// distribution.
func (c TrioCheck) checkEnumeration(w *model.Workload, order []int, d *model.Distribution, runs []TrioRun) string {
	if msg := c.checkPaths(w, order, d, runs); msg != "" {
		return msg
	}
	got := PathDistribution(runs)
	if uint64(len(runs)) != d.Paths {
		return fmt.Sprintf("Trio has %d coin paths, the model %d", len(runs), d.Paths)
	}
	if msg := sameDistribution(d, got); msg != "" {
		return msg
	}
	return ""
}

// PathDistribution is the exact distribution of a complete enumeration of
// coin paths (TrioEnumerate): each path has probability 2^-len(coins).
func PathDistribution(runs []TrioRun) *model.Distribution {
	d := &model.Distribution{Exact: true, Paths: uint64(len(runs))}
	for _, r := range runs {
		p := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), uint(len(r.Coins))))
		if i := slices.IndexFunc(d.Outcomes, func(o model.Outcome) bool { return slices.Equal(o.Finish, r.Finish) }); i >= 0 {
			d.Outcomes[i].P.Add(d.Outcomes[i].P, p)
			continue
		}
		d.Outcomes = append(d.Outcomes, model.Outcome{Finish: slices.Clone(r.Finish), Makespan: r.Makespan, P: p})
	}
	slices.SortFunc(d.Outcomes, func(a, b model.Outcome) int {
		return cmp.Or(cmp.Compare(a.Makespan, b.Makespan), slices.Compare(a.Finish, b.Finish))
	})
	return d
}

func sameDistribution(m, o *model.Distribution) string {
	if len(m.Outcomes) == len(o.Outcomes) {
		same := true
		for i := range m.Outcomes {
			if !slices.Equal(m.Outcomes[i].Finish, o.Outcomes[i].Finish) || m.Outcomes[i].P.Cmp(o.Outcomes[i].P) != 0 {
				same = false
			}
		}
		if same {
			return ""
		}
	}
	return fmt.Sprintf("distributions differ:\nmodel: %s\nTrio:  %s", outcomeList(m), outcomeList(o))
}

func outcomeList(d *model.Distribution) string {
	var b strings.Builder
	for i, o := range d.Outcomes {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%v %s", o.Finish, o.P.RatString())
	}
	return b.String()
}

// checkUnpatched checks every run with Trio's own ties against the
// arbitrary-tie support; it returns how many it could check and how many
// of those lie outside the arming-order support.
func (c TrioCheck) checkUnpatched(w *model.Workload, order []int, d *model.Distribution, runs []TrioRun) (string, int, int) {
	sup, err := c.Model.Support(w, order, model.TiesHeapq)
	if errors.Is(err, model.ErrTrioTooLarge) {
		return "", 0, 0
	}
	if err != nil {
		return err.Error(), 0, 0
	}
	off := 0
	for _, r := range runs {
		if !slices.ContainsFunc(sup, func(o model.Outcome) bool { return slices.Equal(o.Finish, r.Finish) }) {
			return fmt.Sprintf("Trio's outcome %v (coins %s) is not in the model's arbitrary-tie support of %d outcomes", r.Finish, coinString(r.Coins), len(sup)), len(runs), off
		}
		if d.Exact && d.Probability(r.Finish).Sign() == 0 {
			off++
		}
	}
	return "", len(runs), off
}

func coinString(cs []bool) string {
	b := make([]byte, len(cs))
	for i, c := range cs {
		b[i] = "01"[boolInt(c)]
	}
	return "[" + string(b) + "]"
}
