package realworld

import (
	"fmt"
	"io"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// Targets of the experiment: every measured median within ErrorTarget
// percent of the recorder-driven prediction, and the recorded program's
// makespan within OverheadTarget percent of the real runs'.
const (
	ErrorTarget    = 5
	OverheadTarget = 2
)

// Pair is two gather orders of one setup whose measured makespans do not
// overlap (every run of one is faster than every run of the other): a
// difference larger than the noise.
type Pair struct {
	Setup            string
	Faster, Slower   []int          // by the measurements
	MeasuredDiff     model.Duration // median of Slower - median of Faster
	PredictedDiff    model.Duration // prediction of Slower - prediction of Faster
	AsPredicted      bool           // PredictedDiff > 0
	PredictedNoDiff  bool           // |PredictedDiff| below 1 % of the faster prediction
	FasterN, SlowerN int
}

// Pairs lists, per setup, the pairs of real orders whose runs do not
// overlap.
func Pairs(rows []Row) []Pair {
	var out []Pair
	for i, a := range rows {
		if a.Role != "real" {
			continue
		}
		for _, b := range rows[i+1:] {
			if b.Role != "real" || b.Setup != a.Setup {
				continue
			}
			f, s := a, b
			if maxD(b.Runs) < minD(a.Runs) {
				f, s = b, a
			} else if !(maxD(a.Runs) < minD(b.Runs)) {
				continue
			}
			p := Pair{Setup: a.Setup, Faster: f.Order, Slower: s.Order, MeasuredDiff: s.Median() - f.Median(),
				PredictedDiff: s.Predicted - f.Predicted, FasterN: len(f.Runs), SlowerN: len(s.Runs)}
			p.AsPredicted = p.PredictedDiff > 0
			d := p.PredictedDiff
			if d < 0 {
				d = -d
			}
			p.PredictedNoDiff = d*100 < f.Predicted
			out = append(out, p)
		}
	}
	return out
}

// WriteSummary prints, per setup, the prediction errors, the recorder's
// overhead and the order pairs, and which targets are met.
func WriteSummary(w io.Writer, rows []Row) {
	fmt.Fprintf(w, "%-28s %-7s %-9s %12s %12s %8s %9s %10s %8s %8s  %s\n", "setup", "order", "role", "predicted_ms", "median_ms", "error%", "overhead%", "accounted%", "replay%", "cpu±%", "waits before the longest (all/zero-length)")
	missE, missO := 0, 0
	for _, r := range rows {
		e := r.ErrorPct()
		flag := ""
		if r.Role == "real" && !within(e, ErrorTarget) {
			flag, missE = " > 5 %", missE+1
		}
		if r.Role == "recorded" && !within(r.OverheadPct, OverheadTarget) {
			flag, missO = " overhead > 2 %", missO+1
		}
		fmt.Fprintf(w, "%-28s %-7s %-9s %12s %12s %8s %9s %10s %8s %8s  %s%s\n", r.Setup, strings.ReplaceAll(orderText(r.Order), " ", ","), r.Role,
			model.Format(r.Predicted, model.Millisecond), model.Format(r.Median(), model.Millisecond), e, r.OverheadPct, r.AccountedPct, r.ReplayErrorPct, r.CPUSpreadPct, r.WaitsBefore, flag)
	}
	ps := Pairs(rows)
	wrong := 0
	for _, p := range ps {
		verdict := "as predicted"
		if !p.AsPredicted || p.PredictedNoDiff {
			wrong++
			verdict = "NOT as predicted"
			if p.PredictedNoDiff {
				verdict += " (predicted no difference)"
			}
		}
		fmt.Fprintf(w, "pair %s: %s faster than %s by %s ms measured, %s ms predicted: %s\n", p.Setup,
			orderText(p.Faster), orderText(p.Slower), model.Format(p.MeasuredDiff, model.Millisecond), model.Format(p.PredictedDiff, model.Millisecond), verdict)
	}
	fmt.Fprintf(w, "targets: %d of %d real medians beyond %d %% of the prediction; %d setups with the recorder's overhead beyond %d %%; %d of %d order pairs beyond the noise not as predicted\n",
		missE, countRole(rows, "real"), ErrorTarget, missO, OverheadTarget, wrong, len(ps))
}

func countRole(rows []Row, role string) int {
	n := 0
	for _, r := range rows {
		if r.Role == role {
			n++
		}
	}
	return n
}

// within reports whether the percentage text pct is at most limit in
// absolute value.
func within(pct string, limit int) bool {
	p := strings.TrimPrefix(pct, "-")
	whole, _, _ := strings.Cut(p, ".")
	n := 0
	for _, c := range whole {
		n = n*10 + int(c-'0')
	}
	if n > limit {
		return false
	}
	return n < limit || strings.Trim(strings.TrimPrefix(p, whole), ".0") == ""
}
