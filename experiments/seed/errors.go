package seed

import (
	"fmt"
	"io"
	"math/big"

	"github.com/gatherorder/gatherorder/model"
)

// Fit is how well one model fits one experiment: the largest relative
// error over the experiment's rows (both orders, makespans and printed task
// durations), and the row where it occurs.
type Fit struct {
	Experiment string
	Model      Model
	Max        *big.Rat
	Worst      string
}

// Fits returns, per experiment in file order, the fit of the naive and
// the hop model.
func Fits(rows []Row, tasks []TaskRow) []Fit {
	var out []Fit
	idx := map[string]int{}
	see := func(exp, where string, measured *big.Rat, naive, hop model.Duration) {
		i, ok := idx[exp]
		if !ok {
			i = len(out)
			idx[exp] = i
			out = append(out, Fit{exp, Naive, new(big.Rat), ""}, Fit{exp, Hop, new(big.Rat), ""})
		}
		for k, pred := range []model.Duration{naive, hop} {
			f := &out[i+k]
			if e := RelErr(measured, pred); e.Cmp(f.Max) > 0 || f.Worst == "" {
				f.Max, f.Worst = e, where
			}
		}
	}
	for _, r := range rows {
		see(r.Experiment, r.Order+" makespan", r.Measured, r.Naive, r.Hop)
	}
	for _, t := range tasks {
		see(t.Experiment, t.Order+" task "+t.Task, t.Measured, t.Naive, t.Hop)
	}
	return out
}

// WriteFits prints one line per experiment and model.
func WriteFits(w io.Writer, fits []Fit) {
	for _, f := range fits {
		fmt.Fprintf(w, "%-26s %-5s max error %7s (%s)\n", f.Experiment, f.Model, Percent(f.Max), f.Worst)
	}
}
