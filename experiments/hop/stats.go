package hop

import (
	"fmt"
	"io"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// Stat summarises the runs of one variant and order.
type Stat struct {
	Variant          Variant
	Order            string
	N                int
	Median, Min, Max model.Duration
	Naive, Hop       model.Duration
}

// Stats groups rows by (variant, order) in first-seen order. The median of
// an even count is the lower middle value, so it stays an exact ns.
func Stats(rows []Row) []Stat {
	var out []Stat
	groups := map[[2]string][]model.Duration{}
	for _, r := range rows {
		k := [2]string{string(r.Variant), r.Order}
		if _, ok := groups[k]; !ok {
			out = append(out, Stat{Variant: r.Variant, Order: r.Order, Naive: r.Naive, Hop: r.Hop})
		}
		groups[k] = append(groups[k], r.Measured)
	}
	for i := range out {
		ms := groups[[2]string{string(out[i].Variant), out[i].Order}]
		slices.Sort(ms)
		out[i].N, out[i].Median, out[i].Min, out[i].Max = len(ms), ms[(len(ms)-1)/2], ms[0], ms[len(ms)-1]
	}
	return out
}

// WriteSummary prints the medians, spreads and predictions, and each
// variant's order effect (median longest-first minus median shortest-first).
func WriteSummary(w io.Writer, stats []Stat) {
	f := func(d model.Duration) string { return model.Format(d, model.Millisecond) }
	fmt.Fprintf(w, "%-7s %-14s %3s %12s %12s %12s %8s %8s\n", "variant", "order", "n", "median_ms", "min_ms", "max_ms", "naive", "hop")
	med := map[[2]string]model.Duration{}
	pred := map[[2]string][2]model.Duration{}
	var variants []Variant
	for _, s := range stats {
		fmt.Fprintf(w, "%-7s %-14s %3d %12s %12s %12s %8s %8s\n", s.Variant, s.Order, s.N, f(s.Median), f(s.Min), f(s.Max), f(s.Naive), f(s.Hop))
		med[[2]string{string(s.Variant), s.Order}] = s.Median
		pred[[2]string{string(s.Variant), s.Order}] = [2]model.Duration{s.Naive, s.Hop}
		if !slices.Contains(variants, s.Variant) {
			variants = append(variants, s.Variant)
		}
	}
	for _, v := range variants {
		lf, sf := [2]string{string(v), "longest-first"}, [2]string{string(v), "shortest-first"}
		if _, ok := med[lf]; !ok {
			continue
		}
		fmt.Fprintf(w, "variant %s order effect (longest-first − shortest-first): measured %s ms, naive %s ms, hop %s ms\n",
			v, f(med[lf]-med[sf]), f(pred[lf][0]-pred[sf][0]), f(pred[lf][1]-pred[sf][1]))
	}
}
