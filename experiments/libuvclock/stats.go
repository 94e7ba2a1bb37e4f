package libuvclock

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/gatherorder/gatherorder/experiments/realclock"
)

// Group is the comparison of one runtime's rows with or without ties.
type Group struct {
	Runtime string
	Ties    bool
	Rows    int
	// Agree counts the rows whose every task's median finish is within
	// the summary's tolerance of the prediction (FinErrMs), Strict within
	// its strict tolerance, Makespan those whose median makespan is.
	Agree, Strict, Makespan int
	// Discriminating counts the rows where another runtime predicts other
	// finishes, DiscAgree those of them that agree.
	Discriminating, DiscAgree int
	// The median and 95th percentile of FinErrMs, and the median signed
	// makespan error (ms).
	AbsMed, AbsP95, SignedMed float64
	// Spread is the noise: the median and 95th percentile of the repeats'
	// range, max − min (ms).
	SpreadMed, SpreadP95 float64
	// LoadMed is the median one-minute load average of the rows.
	LoadMed float64
}

// Disagreement is a row outside the tolerance, with the mechanism that
// fits it.
type Disagreement struct {
	Row
	Mechanism string
}

// Mechanisms, in the order Summarize tries them.
const (
	OtherRule = "the other tie rule's prediction fits"
	// TieSplit is a row with ties where a repeat fits and the makespans of
	// the repeats agree within the strict tolerance: the repeats broke a
	// tie both ways, which changes finishes but not the makespan.
	TieSplit     = "a repeat fits and the makespans agree: the repeats split a tie"
	RepeatFits   = "a repeat fits, the median does not (load)"
	OtherRuntime = "another runtime's prediction fits"
	Unexplained  = "unexplained"
)

// Summary is the comparison of measured medians with predictions.
type Summary struct {
	Tolerance, StrictTolerance float64 // ms
	Groups                     []Group
	Disagreements              []Disagreement
	// Mechanisms counts the disagreements by runtime and mechanism.
	Mechanisms map[string]map[string]int
	// Rules counts, by runtime, the rows where the two tie rules predict
	// different finishes, and how many of them agree with the runtime's
	// rule and with the other one.
	Rules    map[string][3]int
	Versions []string
}

// Summarize compares rows with their predictions within tol and strict ms.
func Summarize(rows []Row, tol, strict float64) Summary {
	s := Summary{Tolerance: tol, StrictTolerance: strict, Mechanisms: map[string]map[string]int{}, Rules: map[string][3]int{}}
	type key struct {
		rt   string
		ties bool
	}
	groups := map[key][]Row{}
	vs := map[string]bool{}
	for _, r := range rows {
		k := key{r.Runtime, r.Ties}
		groups[k] = append(groups[k], r)
		vs[r.Runtime+": "+r.Versions] = true
		if r.FinErrMs != r.FinErrOtherMs {
			c := s.Rules[r.Runtime]
			c[0]++
			if r.FinErrMs <= tol {
				c[1]++
			}
			if r.FinErrOtherMs <= tol {
				c[2]++
			}
			s.Rules[r.Runtime] = c
		}
	}
	for _, rt := range Runtimes {
		for _, ties := range []bool{false, true} {
			rs := groups[key{rt.Name, ties}]
			if len(rs) == 0 {
				continue
			}
			g := Group{Runtime: rt.Name, Ties: ties, Rows: len(rs)}
			var abs, signed, spread, load []float64
			for _, r := range rs {
				abs, signed, spread = append(abs, r.FinErrMs), append(signed, r.MedMs-r.PredMs), append(spread, r.MaxMs-r.MinMs)
				var l float64
				if _, err := fmt.Sscan(r.Load, &l); err == nil {
					load = append(load, l)
				}
				if math.Abs(r.MedMs-r.PredMs) <= tol {
					g.Makespan++
				}
				if r.FinErrMs <= strict {
					g.Strict++
				}
				if r.Discriminates {
					g.Discriminating++
				}
				if r.FinErrMs <= tol {
					g.Agree++
					if r.Discriminates {
						g.DiscAgree++
					}
					continue
				}
				m := mechanism(r, tol, strict)
				s.Disagreements = append(s.Disagreements, Disagreement{r, m})
				if s.Mechanisms[rt.Name] == nil {
					s.Mechanisms[rt.Name] = map[string]int{}
				}
				s.Mechanisms[rt.Name][m]++
			}
			g.AbsMed, g.AbsP95 = realclock.Quantile(abs, 0.5), realclock.Quantile(abs, 0.95)
			g.SignedMed = realclock.Quantile(signed, 0.5)
			g.SpreadMed, g.SpreadP95 = realclock.Quantile(spread, 0.5), realclock.Quantile(spread, 0.95)
			g.LoadMed = realclock.Quantile(load, 0.5)
			s.Groups = append(s.Groups, g)
		}
	}
	for v := range vs {
		s.Versions = append(s.Versions, v)
	}
	slices.Sort(s.Versions)
	return s
}

// mechanism names what fits a row outside the tolerance.
func mechanism(r Row, tol, strict float64) string {
	switch {
	case r.Ties && r.FinErrOtherMs <= tol:
		return OtherRule
	case r.Ties && r.FinErrBestMs <= tol && r.MaxMs-r.MinMs <= strict:
		return TieSplit
	case r.FinErrBestMs <= tol:
		return RepeatFits
	}
	for _, p := range []struct {
		rt  string
		err float64
	}{{"asyncio", r.FinErrAsyncioMs}, {"uvloop", r.FinErrUVLoopMs}, {"node", r.FinErrNodeMs}} {
		if !strings.HasPrefix(r.Runtime, p.rt) && p.err <= tol {
			return OtherRuntime + " (" + p.rt + ")"
		}
	}
	return Unexplained
}

// Write prints s: one line per group, then the disagreements by
// mechanism, then every unexplained one.
func (s Summary) Write(out io.Writer) {
	fmt.Fprintf(out, "agreement: every task's median finish within %g ms of the prediction (strict: %g ms); makespan: the median makespan within %g ms\n", s.Tolerance, s.StrictTolerance, s.Tolerance)
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	for _, g := range s.Groups {
		ties := "tie-free"
		if g.Ties {
			ties = "with ties"
		}
		fmt.Fprintf(out, "%-7s %-9s %3d rows: agree %3d (%5.1f%%), strict %3d (%5.1f%%), makespan %3d (%5.1f%%); discriminating %d, agree %d; finish error median %.2f ms, p95 %.2f ms; makespan error median %+.2f ms; repeat spread median %.2f ms, p95 %.2f ms; load median %.2f\n",
			g.Runtime, ties, g.Rows, g.Agree, pct(g.Agree, g.Rows), g.Strict, pct(g.Strict, g.Rows), g.Makespan, pct(g.Makespan, g.Rows),
			g.Discriminating, g.DiscAgree, g.AbsMed, g.AbsP95, g.SignedMed, g.SpreadMed, g.SpreadP95, g.LoadMed)
	}
	for _, rt := range Runtimes {
		if c := s.Rules[rt.Name]; c[0] > 0 {
			fmt.Fprintf(out, "%s tie rules: %d rows where %s and %s predict different finishes; %s agrees in %d, %s in %d\n",
				rt.Name, c[0], rt.Model.Ties, rt.Other.Ties, rt.Model.Ties, c[1], rt.Other.Ties, c[2])
		}
	}
	for _, rt := range Runtimes {
		var parts []string
		for m, n := range s.Mechanisms[rt.Name] {
			parts = append(parts, fmt.Sprintf("%d %s", n, m))
		}
		slices.Sort(parts)
		if len(parts) > 0 {
			fmt.Fprintf(out, "%s disagreements: %s\n", rt.Name, strings.Join(parts, "; "))
		}
	}
	for _, d := range s.Disagreements {
		if d.Mechanism == RepeatFits {
			continue
		}
		fmt.Fprintf(out, "  %s workload %d %s (%s): makespan predicted %.1f ms (other rule %.1f; asyncio %.1f, uvloop %.1f, node %.1f), measured median %.1f [%.1f, %.1f]; finish error %.1f ms (other rule %.1f, best repeat %.1f; vs asyncio %.1f, uvloop %.1f, node %.1f); load %s: %s\n",
			d.Runtime, d.ID, d.Policy, d.Class, d.PredMs, d.OtherMs, d.AsyncioMs, d.UVLoopMs, d.NodeMs, d.MedMs, d.MinMs, d.MaxMs,
			d.FinErrMs, d.FinErrOtherMs, d.FinErrBestMs, d.FinErrAsyncioMs, d.FinErrUVLoopMs, d.FinErrNodeMs, d.Load, d.Mechanism)
	}
	fmt.Fprintf(out, "versions: %s\n", strings.Join(s.Versions, "; "))
}
