package limits

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"strconv"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Ratio is a CPU-to-IO ratio Num/Den.
type Ratio struct{ Num, Den int64 }

func (r Ratio) String() string {
	if r.Den == 1 {
		return strconv.FormatInt(r.Num, 10)
	}
	return fmt.Sprintf("%d/%d", r.Num, r.Den)
}

// Config sets up the experiment.
type Config struct {
	MinN, MaxN int // n = MinN..MaxN, at most MaxN (every order is simulated)
	Ks         []int
	Kinds      []model.LimitKind
	Ratios     []Ratio
	Instances  int
	Seed       uint64
	// MaxIO: each wait L is uniform on 1..MaxIO; each CPU phase on 0..M
	// with M = round(ρ·(MaxIO+1)).
	MaxIO int64
}

// MaxN is the largest n Run accepts: 7! = 5,040 simulations per workload.
const MaxN = 7

// Default is the paper's configuration: n = 3..6, k = 1..3, both kinds,
// ρ = 1/4, 1, 4, 200 workloads per cell.
var Default = Config{
	MinN: 3, MaxN: 6, Ks: []int{1, 2, 3},
	Kinds:     []model.LimitKind{model.Semaphore, model.Workers},
	Ratios:    []Ratio{{1, 4}, {1, 1}, {4, 1}},
	Instances: 200, Seed: 20261202, MaxIO: 100,
}

// Row is one cell's result; BestGain and LIFGain are exact means.
type Row struct {
	Kind       model.LimitKind
	K, N       int
	Ratio      Ratio
	Instances  int
	BestGain   *big.Rat
	LIFGain    *big.Rat
	LIFOptimal int
	Matters    int
}

// Validate checks the configuration.
func (c Config) Validate() error {
	switch {
	case c.MinN < 1 || c.MaxN < c.MinN || c.MaxN > MaxN:
		return fmt.Errorf("limits: n from %d to %d: want 1 <= MinN <= MaxN <= %d", c.MinN, c.MaxN, MaxN)
	case len(c.Ks) == 0 || len(c.Kinds) == 0 || len(c.Ratios) == 0:
		return fmt.Errorf("limits: no k, kind or ratio")
	case c.Instances < 1 || c.MaxIO < 1:
		return fmt.Errorf("limits: Instances and MaxIO must be positive")
	}
	for _, k := range c.Ks {
		if err := (model.Limit{Kind: model.Semaphore, K: k}).Validate(); err != nil {
			return fmt.Errorf("limits: %v", err)
		}
	}
	for _, r := range c.Ratios {
		if r.Num < 0 || r.Den < 1 {
			return fmt.Errorf("limits: ratio %s: want Num >= 0, Den >= 1", r)
		}
	}
	return nil
}

// Run computes every cell, by kind, k, n and ratio.
func Run(c Config) ([]Row, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var rows []Row
	var sim model.Sim
	for _, kind := range c.Kinds {
		for _, k := range c.Ks {
			for n := c.MinN; n <= c.MaxN; n++ {
				for ri, r := range c.Ratios {
					// The stream depends on (n, ρ) only: every kind and k
					// sees the same workloads.
					idx := uint64(n)<<32 | uint64(ri)
					rows = append(rows, c.cell(&sim, model.Limit{Kind: kind, K: k}, n, r, idx))
				}
			}
		}
	}
	return rows, nil
}

// cell runs one (limit, n, ratio) cell from its own stream.
func (c Config) cell(sim *model.Sim, l model.Limit, n int, r Ratio, idx uint64) Row {
	rng := rand.New(rand.NewPCG(c.Seed, idx))
	m := (2*r.Num*(c.MaxIO+1) + r.Den) / (2 * r.Den)
	row := Row{Kind: l.Kind, K: l.K, N: n, Ratio: r, Instances: c.Instances, BestGain: new(big.Rat), LIFGain: new(big.Rat)}
	perms := int64(1)
	for i := 2; i <= n; i++ {
		perms *= int64(i)
	}
	for range c.Instances {
		w := &model.Workload{Unit: model.Nanosecond, Limit: l, Tasks: make([]model.Task, n)}
		for i := range w.Tasks {
			a, lw, b := rng.Int64N(m+1), 1+rng.Int64N(c.MaxIO), rng.Int64N(m+1)
			w.Tasks[i] = model.Canonical(strconv.Itoa(i), model.Duration(a), model.Duration(lw), model.Duration(b))
		}
		var sum, best, worst model.Duration = 0, -1, 0
		order.ForEachPerm(n, func(p []int) {
			ms := sim.Run(w, p, false).Makespan
			sum += ms
			if best < 0 || ms < best {
				best = ms
			}
			worst = max(worst, ms)
		})
		lif := sim.Run(w, order.LongestIOFirst(w), false).Makespan
		if lif == best {
			row.LIFOptimal++
		}
		if worst > best {
			row.Matters++
		}
		row.BestGain.Add(row.BestGain, gain(sum, perms, best))
		row.LIFGain.Add(row.LIFGain, gain(sum, perms, lif))
	}
	inst := big.NewRat(int64(c.Instances), 1)
	row.BestGain.Quo(row.BestGain, inst)
	row.LIFGain.Quo(row.LIFGain, inst)
	return row
}

// gain is sum/(perms·m) − 1, exactly (0 when m is 0: every order takes 0).
func gain(sum model.Duration, perms int64, m model.Duration) *big.Rat {
	if m == 0 {
		return new(big.Rat)
	}
	g := new(big.Rat).SetFrac(big.NewInt(int64(sum)), new(big.Int).Mul(big.NewInt(perms), big.NewInt(int64(m))))
	return g.Sub(g, big.NewRat(1, 1))
}

// Header is the CSV's header row; gains are percentages with four
// decimals, exactly rounded from the rational means.
var Header = []string{"kind", "k", "n", "cpu_io_ratio", "instances", "best_gain_pct", "lif_gain_pct", "lif_optimal", "order_matters"}

// WriteCSV writes the rows under Header.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.Kind.String(), strconv.Itoa(r.K), strconv.Itoa(r.N), r.Ratio.String(), strconv.Itoa(r.Instances),
			Pct(r.BestGain), Pct(r.LIFGain), strconv.Itoa(r.LIFOptimal), strconv.Itoa(r.Matters)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Pct is 100·g with four decimals, rounded exactly (big.Rat.FloatString).
func Pct(g *big.Rat) string {
	return new(big.Rat).Mul(g, big.NewRat(100, 1)).FloatString(4)
}

// Float is g as a float64, for plotting only.
func Float(g *big.Rat) float64 {
	f, _ := g.Float64()
	return f
}
