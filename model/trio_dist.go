package model

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
)

// Distribution is the distribution of the outcomes of Trio's run of one
// workload in one start order (model/SEMANTICS.md §S13), ties in arming
// order: with the batch coin the only randomness, every branch has
// probability 1/2 and every outcome a probability that is a sum of powers
// of 1/2. It is exact (Exact) when the enumeration of the coins fits in
// Trio.MaxStates distinct states; otherwise it is the empirical
// distribution of Samples seeded runs. w must be valid and order a
// permutation of its task indices (nil: the given order); anything else
// is an error.
func (t Trio) Distribution(w *Workload, order []int) (*Distribution, error) {
	order, err := CheckOrder(w, order)
	if err != nil {
		return nil, err
	}
	if w.Limit.Bounded() {
		// Trio has no asyncio.Semaphore or asyncio.Queue (model/SEMANTICS.md §S17.5).
		return nil, fmt.Errorf("a limit (%s) under Trio is %w", w.Limit, ErrLimitNotModelled)
	}
	if d, ok := t.exact(w, order); ok {
		return d, nil
	}
	return t.estimate(w, order)
}

// Support is the set of every possible outcome under the tie rule ties,
// exactly: TiesArmed (equal deadlines expire in arming order) gives the
// support of Distribution, with each outcome's probability; TiesHeapq is
// Trio's own heap key (deadline, id(cancel_scope)), under which equal
// deadlines expire in an order that the workload does not determine, so
// Support takes every order of every group of equal deadlines (P is nil:
// Trio's source defines no probability for them). The outcomes are sorted
// like Distribution's. It returns ErrTrioTooLarge when the enumeration
// exceeds Trio.MaxStates.
func (t Trio) Support(w *Workload, order []int, ties TieRule) ([]Outcome, error) {
	order, err := CheckOrder(w, order)
	if err != nil {
		return nil, err
	}
	switch ties {
	case TiesArmed:
		d, ok := t.exact(w, order)
		if !ok {
			return nil, fmt.Errorf("%w (%d)", ErrTrioTooLarge, t.maxStates())
		}
		return d.Outcomes, nil
	case TiesHeapq:
		e := trioExplorer{m: trioSim{w: w, arbitrary: true}, max: t.maxStates()}
		if !e.explore(order) {
			return nil, fmt.Errorf("%w (%d)", ErrTrioTooLarge, t.maxStates())
		}
		return e.outcomes(), nil
	}
	return nil, fmt.Errorf("unknown tie rule %d", ties)
}

// TrioDistribution is Trio{}.Distribution: the distribution of Trio's
// outcomes of w started in order (nil: the given order).
func TrioDistribution(w *Workload, order []int) (*Distribution, error) {
	return Trio{}.Distribution(w, order)
}

// trioNode is a branch state of the enumeration with its probability
// (nil when only the support is wanted).
type trioNode struct {
	s     *trioState
	key   string
	mass  *big.Rat
	paths uint64 // coin sequences that reach the state (saturating)
}

// trioExplorer enumerates the branch states forwards, in increasing
// progress, merging identical states: every predecessor of a state has
// less progress, so a state's probability is complete when it is taken.
type trioExplorer struct {
	m        trioSim
	max      int
	states   int
	index    map[string]*trioNode
	buckets  [][]*trioNode
	out      map[string]*Outcome
	outOrder []string
	buf      []byte
	paths    uint64 // coin sequences that end (saturating)
}

// addSatPaths adds path counts, saturating at the largest uint64.
func addSatPaths(a, b uint64) uint64 {
	if a+b < a {
		return ^uint64(0)
	}
	return a + b
}

func (e *trioExplorer) push(s *trioState, mass *big.Rat, paths uint64) {
	if !e.m.advance(s, nil) {
		e.addOutcome(s.finish, mass)
		e.paths = addSatPaths(e.paths, paths)
		return
	}
	s.canon()
	e.buf = s.key(e.buf)
	if nd, ok := e.index[string(e.buf)]; ok {
		if mass != nil {
			nd.mass.Add(nd.mass, mass)
		}
		nd.paths = addSatPaths(nd.paths, paths)
		return
	}
	nd := &trioNode{s: s, key: string(e.buf), mass: mass, paths: paths}
	e.index[nd.key] = nd
	for len(e.buckets) <= s.progress {
		e.buckets = append(e.buckets, nil)
	}
	e.buckets[s.progress] = append(e.buckets[s.progress], nd)
}

func (e *trioExplorer) addOutcome(finish []Duration, mass *big.Rat) {
	k := string(finishKey(nil, finish))
	if o, ok := e.out[k]; ok {
		if mass != nil {
			o.P.Add(o.P, mass)
		}
		return
	}
	o := &Outcome{Finish: slices.Clone(finish)}
	for _, f := range finish {
		o.Makespan = max(o.Makespan, f)
	}
	if mass != nil {
		o.P = new(big.Rat).Set(mass)
	}
	e.out[k] = o
	e.outOrder = append(e.outOrder, k)
}

// explore enumerates from the start order; false if it exceeds e.max
// expanded states.
func (e *trioExplorer) explore(order []int) bool {
	e.index = map[string]*trioNode{}
	e.out = map[string]*Outcome{}
	var one *big.Rat
	if !e.m.arbitrary {
		one = big.NewRat(1, 1)
	}
	e.push(newTrioState(e.m.w, order), one, 1)
	half := big.NewRat(1, 2)
	for p := 0; p < len(e.buckets); p++ {
		for _, nd := range e.buckets[p] {
			delete(e.index, nd.key)
			e.states++
			if e.states > e.max {
				return false
			}
			choices := e.choices(nd.s)
			var m *big.Rat
			if nd.mass != nil {
				m = new(big.Rat).Mul(nd.mass, half)
			}
			for i, c := range choices {
				s := nd.s
				if i < len(choices)-1 {
					s = s.clone()
				}
				e.m.run(s, c, nil)
				var mm *big.Rat
				if m != nil {
					mm = new(big.Rat).Set(m)
				}
				e.push(s, mm, nd.paths)
			}
		}
		e.buckets[p] = nil
	}
	return true
}

// choices are the orders in which a branch state's batch can run: the
// batch and its reverse, each with probability 1/2; under arbitrary ties,
// every order of every tie group, each forwards and reversed.
func (e *trioExplorer) choices(s *trioState) [][]int32 {
	fwd := slices.Clone(s.batch)
	rev := slices.Clone(s.batch)
	slices.Reverse(rev)
	if len(s.group) == 0 {
		return [][]int32{fwd, rev}
	}
	var out [][]int32
	seen := map[string]bool{}
	var buf []byte
	add := func(b []int32) {
		for _, x := range [2][]int32{b, nil} {
			if x == nil {
				x = slices.Clone(b)
				slices.Reverse(x)
			}
			buf = buf[:0]
			for _, t := range x {
				buf = append(buf, byte(t), byte(t>>8), byte(t>>16), byte(t>>24))
			}
			if !seen[string(buf)] {
				seen[string(buf)] = true
				out = append(out, slices.Clone(x))
			}
		}
	}
	var groups [][2]int
	for i := 0; i < len(s.group); {
		j := i + 1
		if s.group[i] > 0 {
			for j < len(s.group) && s.group[j] == s.group[i] {
				j++
			}
			groups = append(groups, [2]int{i, j})
		}
		i = j
	}
	b := slices.Clone(s.batch)
	var rec func(g int)
	rec = func(g int) {
		if g == len(groups) {
			add(b)
			return
		}
		permute(b[groups[g][0]:groups[g][1]], 0, func() { rec(g + 1) })
	}
	rec(0)
	return out
}

// permute calls f once for every permutation of p[k:], in place, and
// leaves p as it found it.
func permute(p []int32, k int, f func()) {
	if k >= len(p)-1 {
		f()
		return
	}
	for i := k; i < len(p); i++ {
		p[k], p[i] = p[i], p[k]
		permute(p, k+1, f)
		p[k], p[i] = p[i], p[k]
	}
}

// outcomes are the collected outcomes, sorted.
func (e *trioExplorer) outcomes() []Outcome {
	out := make([]Outcome, 0, len(e.out))
	for _, k := range e.outOrder {
		out = append(out, *e.out[k])
	}
	sortOutcomes(out)
	return out
}

func (t Trio) exact(w *Workload, order []int) (*Distribution, bool) {
	e := trioExplorer{m: trioSim{w: w}, max: t.maxStates()}
	if !e.explore(order) {
		return nil, false
	}
	return &Distribution{Outcomes: e.outcomes(), Exact: true, States: e.states, Paths: e.paths}, true
}

// estimate runs Samples seeded paths.
func (t Trio) estimate(w *Workload, order []int) (*Distribution, error) {
	n := t.samples()
	if n < 2 {
		return nil, fmt.Errorf("an estimate needs at least 2 samples, not %d", n)
	}
	rng := rand.New(rand.NewPCG(t.Seed, 0x6a09e667f3bcc908))
	e := trioExplorer{m: trioSim{w: w}, out: map[string]*Outcome{}}
	one := big.NewRat(1, int64(n))
	for range n {
		s := newTrioState(w, order)
		for e.m.advance(s, nil) {
			b := s.batch
			if rng.Uint64()&1 == 1 {
				slices.Reverse(b)
			}
			e.m.run(s, b, nil)
		}
		e.addOutcome(s.finish, one)
	}
	return &Distribution{Outcomes: e.outcomes(), Samples: n, Seed: t.Seed}, nil
}

// finishKey encodes a finish vector.
func finishKey(buf []byte, finish []Duration) []byte {
	for _, f := range finish {
		buf = append(buf, byte(f), byte(f>>8), byte(f>>16), byte(f>>24), byte(f>>32), byte(f>>40), byte(f>>48), byte(f>>56))
	}
	return buf
}

func sortOutcomes(out []Outcome) {
	slices.SortFunc(out, func(a, b Outcome) int {
		if a.Makespan != b.Makespan {
			if a.Makespan < b.Makespan {
				return -1
			}
			return 1
		}
		return slices.Compare(a.Finish, b.Finish)
	})
}
