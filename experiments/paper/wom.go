package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sync"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Ratio is a CPU-to-IO ratio Num/Den.
type Ratio struct{ Num, Den int64 }

func (r Ratio) String() string {
	if r.Den == 1 {
		return fmt.Sprint(r.Num)
	}
	return fmt.Sprintf("%d/%d", r.Num, r.Den)
}

func (r Ratio) float() float64 { return float64(r.Num) / float64(r.Den) }

// WomConfig sets up the "where the order matters" experiment.
type WomConfig struct {
	MinN, MaxN int     // task counts n = MinN..MaxN (MaxN ≤ order.MaxExhaustive)
	Ratios     []Ratio // CPU-to-IO ratios ρ
	Instances  int     // random workloads per (n, ρ) cell
	Bootstrap  int     // bootstrap resamples per interval
	Seed       uint64
	// MaxIO: each IO wait L is uniform on 1..MaxIO ms. Each CPU phase A, B
	// is uniform on 0..M ms with M = round(ρ·(MaxIO+1)), so that
	// E[A] = E[B] = M/2 ≈ ρ·E[L].
	MaxIO int64
}

// cell is one (n, ρ) point of the grid with its per-instance metrics.
type cell struct {
	N int
	R Ratio
	// Per instance, relative to LIF's makespan M_LIF:
	//   expGain   = E_π[M_π]/M_LIF − 1  (π uniform over all n! orders: the
	//               expected saving of LIF over a random order, exact)
	//   worstGain = max_π M_π/M_LIF − 1 (LIF's saving over the worst order)
	//   gap       = M_LIF/min_π M_π − 1 (LIF's excess over the optimum)
	expGain, worstGain, gap []float64
	lifOptimal, matters     int // instances where LIF is optimal; where max_π M_π > min_π M_π
	Exp, Worst, Gap         summary
}

// cpuMax is M of WomConfig.MaxIO, rounded half up in integers.
func (c WomConfig) cpuMax(r Ratio) int64 {
	return (2*r.Num*(c.MaxIO+1) + r.Den) / (2 * r.Den)
}

// instance draws the k-th workload of a cell. Each cell has its own PCG
// stream (seed, n·2^32 + ratio index), so cells can run in any order or in
// parallel and still draw the same workloads.
func (c WomConfig) instance(rng *rand.Rand, n int, r Ratio) []model.Job {
	m := c.cpuMax(r)
	js := make([]model.Job, n)
	const ms = model.Duration(1e6)
	for i := range js {
		js[i] = model.Job{
			A: model.Duration(rng.Int64N(m+1)) * ms,
			L: model.Duration(1+rng.Int64N(c.MaxIO)) * ms,
			B: model.Duration(rng.Int64N(m+1)) * ms,
		}
	}
	return js
}

func jobsWorkload(js []model.Job) *model.Workload {
	w := &model.Workload{Unit: model.Millisecond, Tasks: make([]model.Task, len(js))}
	for i, j := range js {
		w.Tasks[i] = j.Task(fmt.Sprintf("t%d", i+1))
	}
	return w
}

// run computes one cell. Every order's makespan comes from model.ClosedForm
// (exact, and equal to the simulator's for canonical workloads); LIF's is
// also simulated, and for the cell's first instance the optimum is also
// taken from order.Apply(w, order.Best), so a disagreement between the
// closed form, the simulator and the optimizer stops the generator.
func (c WomConfig) run(n, ri int) (*cell, error) {
	r := c.Ratios[ri]
	rng := rand.New(rand.NewPCG(c.Seed, uint64(n)<<32|uint64(ri)))
	out := &cell{N: n, R: r}
	for k := range c.Instances {
		js := c.instance(rng, n, r)
		w := jobsWorkload(js)
		lif := order.LongestIOFirst(w)
		mLIF := model.ClosedForm(js, lif)
		if sim := model.Simulate(w, lif).Makespan; sim != mLIF {
			return nil, fmt.Errorf("n=%d ρ=%s instance %d: closed form %d ≠ simulated %d for LIF", n, r, k, mLIF, sim)
		}
		var sum float64
		lo, hi := model.Duration(-1), model.Duration(0)
		count := 0
		order.ForEachPerm(n, func(p []int) {
			m := model.ClosedForm(js, p)
			sum += float64(m)
			if lo < 0 || m < lo {
				lo = m
			}
			hi = max(hi, m)
			count++
		})
		if k == 0 {
			b, err := order.Apply(w, order.Best)
			if err != nil {
				return nil, err
			}
			if b.Result.Makespan != lo {
				return nil, fmt.Errorf("n=%d ρ=%s: order.Best %d ≠ minimum over all orders %d", n, r, b.Result.Makespan, lo)
			}
		}
		fl := float64(mLIF)
		out.expGain = append(out.expGain, sum/float64(count)/fl-1)
		out.worstGain = append(out.worstGain, float64(hi)/fl-1)
		out.gap = append(out.gap, fl/float64(lo)-1)
		if mLIF == lo {
			out.lifOptimal++
		}
		if hi > lo {
			out.matters++
		}
	}
	// Independent, seeded resampling streams per metric.
	bs := func(xs []float64, m uint64) summary {
		return bootstrapMean(xs, c.Bootstrap, 0.95, rand.New(rand.NewPCG(c.Seed^0x9e3779b97f4a7c15, uint64(n)<<32|uint64(ri)<<8|m)))
	}
	out.Exp, out.Worst, out.Gap = bs(out.expGain, 1), bs(out.worstGain, 2), bs(out.gap, 3)
	return out, nil
}

// runWom computes every cell on all cores; results are placed by index,
// so the output does not depend on scheduling. Progress goes to progress.
func runWom(c WomConfig, progress io.Writer) ([]*cell, error) {
	if c.MaxN > order.MaxExhaustive || c.MinN < 1 || c.MinN > c.MaxN {
		return nil, fmt.Errorf("where-order-matters: n range %d..%d outside 1..%d", c.MinN, c.MaxN, order.MaxExhaustive)
	}
	type job struct{ i, n, ri int }
	var jobs []job
	// Largest n first, so the slow cells do not finish last on one core.
	for n := c.MaxN; n >= c.MinN; n-- {
		for ri := range c.Ratios {
			jobs = append(jobs, job{len(jobs), n, ri})
		}
	}
	cells := make([]*cell, len(jobs))
	errs := make([]error, len(jobs))
	ch := make(chan job)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	start := time.Now()
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				cells[j.i], errs[j.i] = c.run(j.n, j.ri)
				mu.Lock()
				done++
				fmt.Fprintf(progress, "where-order-matters: %d/%d cells done (n=%d, ρ=%s) at %.1fs\n", done, len(jobs), j.n, c.Ratios[j.ri], time.Since(start).Seconds())
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	// Present by n ascending, then ρ ascending.
	out := make([]*cell, 0, len(cells))
	for n := c.MinN; n <= c.MaxN; n++ {
		for _, x := range cells {
			if x.N == n {
				out = append(out, x)
			}
		}
	}
	return out, nil
}
