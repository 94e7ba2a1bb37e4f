package props

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// Runtime is the runtime the claims are evaluated under (Options.Runtime):
// a deterministic simulator (model.Runtime: CPython 3.8 to 3.13 with any
// spawn style and tie rule, uvloop, Node.js), or Trio, whose makespan is a
// distribution and whose claims are read as claims about the expected
// makespan (model.Trio, model/SEMANTICS.md §S13). The zero value is the
// base model (CPython 3.11, gather, heapq ties).
//
// A claim's integer instance is evaluated under the runtime at a scale,
// Scale ns per integer unit:
//
//   - CPython (every version, spawn and tie rule): 1 ns, as on the base
//     model. The simulator has no clock resolution, so scaling every
//     duration by a constant scales every instant by it, and the verdicts
//     do not depend on the unit.
//   - uvloop and Node.js: 20 ms (LibuvUnit), the unit of the real-clock
//     validation (experiments/libuvclock). libuv's clock counts whole
//     milliseconds (model/SEMANTICS.md §S14.1, §S15.3), so its verdicts
//     depend on the unit: they are verdicts about workloads whose
//     durations are whole multiples of 20 ms.
//   - Trio: 2^30 ns (TrioUnit). Trio's model has no clock resolution
//     either, so the unit changes no verdict; it is chosen so that every
//     expected makespan is an integer number of ns: every outcome's
//     probability is a sum of powers 1/2^k with k at most the number of
//     coins thrown, which is at most the number of steps plus the number of
//     tasks (every pass with a coin resumes every task of its batch, and a
//     resumed task consumes a step or returns), so expectations of
//     makespans that are multiples of 2^30 are integers when an instance
//     has at most 30 steps and tasks (MaxTrioSize). Larger instances are
//     an error, never rounded.
type Runtime struct {
	// Sim is the deterministic runtime; ignored when Trio is set.
	Sim model.Runtime
	// Trio selects Trio 0.22 (arming-order ties, the rule of
	// model.Trio.Distribution).
	Trio bool
}

// Models reports whether claims of class c can be evaluated under r. A
// class of bounded gathers needs CPython's asyncio loop, the only runtime
// with a limit model (model/SEMANTICS.md §S17.5); a class of random
// durations (uncertain.go) is evaluated on CPython only, whose unit is
// 1 ns and so needs no scaling of its distributions.
func (r Runtime) Models(c *Class) bool {
	cpython := !r.Trio && r.Sim.Loop == model.Asyncio
	if c.Limit.Bounded() || slices.Contains(RandomClasses, c) {
		return cpython
	}
	return true
}

// Scales of the runtimes (see Runtime).
const (
	LibuvUnit   model.Duration = 20_000_000 // 20 ms
	TrioUnit    model.Duration = 1 << 30
	MaxTrioSize                = 30
)

// Base reports whether r is the base model or simulates exactly as it
// (model.Runtime.IsBase): then the closed form, proved equal to the base
// simulator on canonical instances, decides canonical instances.
func (r Runtime) Base() bool { return !r.Trio && r.Sim.IsBase() }

// Scale is the number of ns one integer unit of a claim's instance stands
// for under r.
func (r Runtime) Scale() model.Duration {
	switch {
	case r.Trio:
		return TrioUnit
	case r.Sim.Loop != model.Asyncio:
		return LibuvUnit
	}
	return 1
}

// String names r as `simulate --runtime` does: "trio", "uvloop", "node"
// (with "/armed" under that tie rule) or the CPython runtime
// "3.MINOR/SPAWN/TIES".
func (r Runtime) String() string {
	if r.Trio {
		return "trio"
	}
	return r.Sim.String()
}

// Validate reports whether r exists.
func (r Runtime) Validate() error {
	if r.Trio {
		return nil
	}
	return r.Sim.Validate()
}

// Unit is the unit the reports of r use for durations and makespans, and
// how many ns it is: ns on CPython (the integers of the instances), ms on
// the libuv loops (multiples of 20), and on Trio the instance's integers
// read as seconds (Trio's verdicts do not depend on the unit, so the
// instance at 1 s per unit is the same instance).
func (r Runtime) Unit() (model.Unit, model.Duration) {
	switch {
	case r.Trio:
		return model.Second, TrioUnit
	case r.Sim.Loop != model.Asyncio:
		return model.Millisecond, 1_000_000
	}
	return model.Nanosecond, 1
}

// Display is the workload of a comparison as the reports show it and a
// user can re-run it with `gatherorder simulate --runtime R`: the scaled
// workload in r's Unit. On Trio, where the engines scale by TrioUnit, the
// shown workload has the instance's integers as seconds.
func (r Runtime) Display(w *model.Workload) *model.Workload {
	u, per := r.Unit()
	out := &model.Workload{Unit: u, Tasks: make([]model.Task, len(w.Tasks)), Limit: w.Limit}
	for i, t := range w.Tasks {
		steps := slices.Clone(t.Steps)
		if r.Trio {
			for k := range steps {
				steps[k].D = steps[k].D / per * 1_000_000_000
			}
		}
		out.Tasks[i] = model.Task{Name: t.Name, Steps: steps, Dists: t.Dists}
	}
	return out
}

// Format writes a duration of a scaled instance (ns) in r's Unit, exactly:
// an integer where it is one, else a terminating decimal.
func (r Runtime) Format(d model.Duration) string {
	u, per := r.Unit()
	if r.Trio {
		return model.FormatRat(new(big.Rat).Mul(big.NewRat(int64(d), int64(per)), big.NewRat(1_000_000_000, 1)), u)
	}
	return model.Format(d, u)
}

// scale is in with every duration multiplied by r.Scale(): the instance
// the predicates see under r. It is in itself at scale 1. Overflow is an
// error (a panic with the instance named: the engines' scopes are far
// below it).
func (r Runtime) scale(in *Instance) *Instance {
	k := r.Scale()
	if k == 1 {
		return in
	}
	tasks := make([]model.Task, len(in.W.Tasks))
	for i, t := range in.W.Tasks {
		steps := slices.Clone(t.Steps)
		for j := range steps {
			d, ok := mulDur(steps[j].D, k)
			if !ok {
				panic(fmt.Sprintf("props: %s: duration %d × %d ns overflows", r, steps[j].D, k))
			}
			steps[j].D = d
		}
		tasks[i] = model.Task{Steps: steps}
	}
	if in.W.Limit.Bounded() {
		return newArranged(tasks).withLimit(in.W.Limit)
	}
	return newArranged(tasks)
}

func mulDur(a, b model.Duration) (model.Duration, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	return p, p/b == a && a > 0 && b > 0
}

// On is claim c evaluated under r: the same class, id and statement, with a
// predicate that evaluates the instance scaled to r (Runtime.Scale) with
// r's makespans. On(c, Runtime{}) is c.
func On(c Claim, r Runtime) Claim {
	if r == (Runtime{}) {
		return c
	}
	check := c.Check
	c.Check = func(e *Eval, in *Instance) *Failure {
		e.use(r)
		return check(e, r.scale(in))
	}
	return c
}

// use switches e to runtime r, dropping its cache when r changes.
func (e *Eval) use(r Runtime) {
	if e.rt != r {
		e.rt, e.in = r, nil
	}
}

// unit is one integer unit of the instance e evaluates, in ns.
func (e *Eval) unit() model.Duration { return e.rt.Scale() }

// f formats a duration of the instance e evaluates for a failure's reason:
// in the unit of e's runtime (Runtime.Format).
func (e *Eval) f(d model.Duration) string { return e.rt.Format(d) }

// trioMakespan is the expected makespan of in in order p under Trio, as an
// exact integer number of ns: an error (a panic naming the instance) when
// the distribution is not exact or the expectation is not an integer,
// which MaxTrioSize excludes.
func (e *Eval) trioMakespan(w *model.Workload, p []int) model.Duration {
	size := len(w.Tasks)
	for _, t := range w.Tasks {
		size += len(t.Steps)
	}
	if size > MaxTrioSize {
		panic(fmt.Sprintf("props: trio: %d steps and tasks exceed MaxTrioSize %d: %s", size, MaxTrioSize, model.Marshal(w)))
	}
	m, err := ExpectedTrio(w, p)
	if err != nil {
		panic(fmt.Sprintf("props: %v: %s", err, model.Marshal(w)))
	}
	return m
}

// trioLastIO is the expected instant at which the last wait of w in order
// p is due under Trio, exactly: the mean over every coin path (each of
// probability 2^-coins, model.Trio.PathFunc) of the path's last due
// instant, in integer ns (as trioMakespan).
func (e *Eval) trioLastIO(w *model.Workload, p []int) model.Duration {
	sum := new(big.Rat)
	var prefix []bool
	for {
		k := 0
		r, coins, err := e.trio.PathFunc(w, p, func() bool {
			k++
			return k <= len(prefix) && prefix[k-1]
		})
		if err != nil {
			panic(fmt.Sprintf("props: trio: %v: %s", err, model.Marshal(w)))
		}
		var last model.Duration
		for _, wt := range r.Waits {
			last = max(last, wt.Due)
		}
		sum.Add(sum, new(big.Rat).SetFrac(big.NewInt(int64(last)), new(big.Int).Lsh(big.NewInt(1), uint(len(coins)))))
		// The next path in depth-first order: flip the last coin that is
		// false (later coins follow from the run).
		i := len(coins) - 1
		for i >= 0 && coins[i] {
			i--
		}
		if i < 0 {
			break
		}
		prefix = append(coins[:i:i], true)
	}
	if !sum.IsInt() || !sum.Num().IsInt64() {
		panic(fmt.Sprintf("props: trio: expected last wait %s ns is not an integer: %s", sum.RatString(), model.Marshal(w)))
	}
	return model.Duration(sum.Num().Int64())
}

// ExpectedTrio is the expected makespan of w in order under Trio (arming
// ties), exactly, in ns: an error unless the distribution is exact and the
// expectation an integer (as for the instances of the claims under Trio,
// which are scaled to TrioUnit).
func ExpectedTrio(w *model.Workload, order []int) (model.Duration, error) {
	d, err := model.Trio{}.Distribution(w, order)
	if err != nil {
		return 0, err
	}
	if !d.Exact {
		return 0, fmt.Errorf("trio: the distribution is an estimate, not exact")
	}
	x := d.Expected()
	if !x.IsInt() || !x.Num().IsInt64() {
		return 0, fmt.Errorf("trio: expected makespan %s ns is not an integer", x.RatString())
	}
	return model.Duration(x.Num().Int64()), nil
}

// BudgetOn is budget b for the claims under r. It is b itself on every
// deterministic runtime. On Trio every order's makespan is an exact
// distribution, about fifty times the cost of a simulation, so the scopes
// and ranges with more than four tasks are cut to four (equal-cpu: n ≤ 4;
// the random engines: n ≤ 4) and the five-quarters family to n ≤ 7 with
// c ≤ 8; the scopes' durations are b's. The reports state the scopes.
func BudgetOn(b Budget, r Runtime) Budget {
	if !r.Trio {
		return b
	}
	out := b
	out.Scopes = make(map[*Class]Scope, len(b.Scopes))
	for c, s := range b.Scopes {
		switch {
		case c == FiveQuarters:
			s.MaxN, s.MaxDur = min(s.MaxN, 7), min(s.MaxDur, 8*(7/2+6))
		default:
			s.MaxN = min(s.MaxN, trioMaxN)
		}
		out.Scopes[c] = s
	}
	out.Wides = make(map[*Class]Wide, len(b.Wides))
	for c, w := range b.Wides {
		if c == FiveQuarters {
			w.MaxN, w.MaxDur = min(w.MaxN, 7), min(w.MaxDur, 100)
		} else {
			w.MaxN = min(w.MaxN, trioMaxN)
		}
		out.Wides[c] = w
	}
	return out
}

// trioMaxN is the most tasks an instance has in the claims under Trio.
const trioMaxN = 4
