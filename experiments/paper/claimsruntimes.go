package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"github.com/gatherorder/gatherorder/props"
	"github.com/gatherorder/gatherorder/props/pbt"
)

// The claims × runtimes table: every registered claim evaluated under
// every runtime (props.Options.Runtime) by the exhaustive engine and both
// random engines, each cell the verdict and, where refuted, the number of
// tasks of the reported counterexample. One column stands for every
// CPython 3.8 to 3.13 with every spawn style under heapq ties: those runtimes
// give every claim the base model's verdict
// (props.TestClaimsUnderEveryCPythonWithHeapqTiesAreTheBaseVerdicts).

// ClaimsRuntimesConfig is the budget of the table (zero: props.Quick).
type ClaimsRuntimesConfig struct {
	Budget props.Budget
}

// QuickClaimsRuntimes is a small configuration for tests: scopes of at
// most two tasks and durations 6, 10 random checks per engine.
var QuickClaimsRuntimes = ClaimsRuntimesConfig{Budget: shrinkBudget(props.Quick, 2, 6, 10)}

// shrinkBudget is b with every scope and range cut to n tasks (five for
// the five-quarters family, which starts at three) and durations d, and
// checks random checks per engine.
func shrinkBudget(b props.Budget, n int, d model.Duration, checks int) props.Budget {
	out := b
	out.Name = b.Name + "-shrunk"
	out.Scopes = map[*props.Class]props.Scope{}
	for c, s := range b.Scopes {
		s.MaxN, s.MaxDur, s.MaxTotal = min(s.MaxN, n), min(s.MaxDur, d), min(s.MaxTotal, d)
		if c == props.FiveQuarters {
			s.MaxN, s.MaxDur, s.MaxTotal = 5, 4*d, 1<<20
		}
		out.Scopes[c] = s
	}
	out.Wides = map[*props.Class]props.Wide{}
	for c, w := range b.Wides {
		w.MaxN, w.MaxDur = min(w.MaxN, n+1), min(w.MaxDur, 3*d)
		if c == props.FiveQuarters {
			w.MaxN = 5
		}
		out.Wides[c] = w
	}
	out.RandomChecks, out.GopterChecks = checks, checks
	return out
}

// claimsRuntimeColumn is one runtime of the table.
type claimsRuntimeColumn struct {
	head string // the column's heading
	tex  string // its short heading in the paper's table
	rt   props.Runtime
	// replay says how its counterexamples were replayed.
	replay string
}

var claimsRuntimeColumns = []claimsRuntimeColumn{
	{"CPython 3.8–3.13, every spawn style, heapq ties", "CPython", props.Runtime{}, "exactly on CPython 3.11's virtual clock"},
	{"CPython, armed ties", "armed ties", props.Runtime{Sim: model.Runtime{Ties: model.TiesArmed}}, "exactly on CPython 3.11's virtual clock (only where both tie rules give the same makespan)"},
	{"uvloop", "uvloop", props.Runtime{Sim: model.Runtime{Loop: model.UVLoop}}, "not replayed (wall clock only: `gatherorder claims --runtime uvloop --replay-real`)"},
	{"Node.js", "Node.js", props.Runtime{Sim: model.Runtime{Loop: model.Node}}, "not replayed (wall clock only: `gatherorder claims --runtime node --replay-real`)"},
	{"Trio (expected makespan)", "Trio", props.Runtime{Trio: true}, "exactly on the real Trio 0.22 over every coin path"},
}

// claimsRuntimesStep evaluates every claim under every column's runtime
// and writes generated/claims-runtimes-table.tex and
// generated/readme-claims-runtimes.md (a README section).
func claimsRuntimesStep(o *output, num *Numbers, c ClaimsRuntimesConfig, progress io.Writer) error {
	b := c.Budget
	if b.Name == "" {
		b = props.Quick
	}
	cells := make([][]props.Result, len(claimsRuntimeColumns))
	for k, col := range claimsRuntimeColumns {
		opts := props.Options{Budget: b, Random: pbt.Engines(), Runtime: col.rt, Progress: progress}
		switch {
		case col.rt == (props.Runtime{}):
			var cpython oracle.Replayer
			defer cpython.Close()
			opts.Replay = cpython.Makespan
		case col.rt.Trio || col.rt.Sim.Loop == model.Asyncio:
			rp := &oracle.RuntimeReplayer{Runtime: col.rt.Sim, Trio: col.rt.Trio}
			defer rp.Close()
			opts.Replay = rp.Makespan
		}
		start := time.Now()
		cells[k] = props.Evaluate(opts)
		fmt.Fprintf(progress, "claims under %s: %.1fs\n", col.rt, time.Since(start).Seconds())
		for _, v := range cells[k] {
			if v.ReplayErr != "" {
				return fmt.Errorf("claim %s under %s: counterexample not confirmed: %s", v.Claim.ID, col.rt, v.ReplayErr)
			}
		}
	}
	cell := func(v props.Result) string {
		if v.Verdict != props.Refuted {
			return v.Verdict.String()
		}
		n := len(v.Minimal.W.Tasks)
		if n == 1 {
			return "refuted, 1 task"
		}
		return fmt.Sprintf("refuted, %d tasks", n)
	}

	// The paper's cells are short: the verdict, the counterexample's
	// tasks in parentheses, a dash where the runtime has no model of the
	// claim's class.
	texCell := func(v props.Result) string {
		switch v.Verdict {
		case props.Refuted:
			return fmt.Sprintf("refuted (%d)", len(v.Minimal.W.Tasks))
		case props.NotModelled:
			return "---"
		}
		return v.Verdict.String()
	}
	// Per runtime, how many claims it models and how many of those get a
	// verdict other than the base column's.
	macro := []string{"", "Armed", "UVLoop", "Node", "Trio"}
	for k := 1; k < len(claimsRuntimeColumns) && k < len(macro); k++ {
		modelled, differ := 0, 0
		for i, v := range cells[k] {
			if v.Verdict == props.NotModelled {
				continue
			}
			modelled++
			if v.Verdict != cells[0][i].Verdict {
				differ++
			}
		}
		src := "claims under every runtime (claimsruntimes.go), " + claimsRuntimeColumns[k].head
		num.Add("ClaimsOn"+macro[k]+"Modelled", strconv.Itoa(modelled), src+": claims whose class the runtime models")
		num.Add("ClaimsOn"+macro[k]+"Differ", strconv.Itoa(differ), src+": of those, claims whose verdict differs from CPython's with heapq ties")
	}
	var tex strings.Builder
	tex.WriteString("% Generated by `go run ./experiments/paper` (claimsruntimes.go) from props.Registry and props.Evaluate under each runtime; do not edit.\n")
	fmt.Fprintf(&tex, "\\begin{tabular}{>{\\raggedright\\arraybackslash}p{0.36\\linewidth}%s}\n\\toprule\n", strings.Repeat("l", len(claimsRuntimeColumns)))
	tex.WriteString("claim")
	for _, col := range claimsRuntimeColumns {
		tex.WriteString(" & " + texEscape(col.tex))
	}
	tex.WriteString(" \\\\\n\\midrule\n")
	var md strings.Builder
	md.WriteString("<!-- Generated by `go run ./experiments/paper`; do not edit. -->\n")
	md.WriteString("## Claims under every runtime\n\n")
	md.WriteString("`gatherorder claims --runtime R` evaluates every claim under runtime R (with `--python`, `--spawn` and `--ties` as for `simulate`). ")
	md.WriteString("The table is computed, as `go run ./experiments/paper` runs it: the exhaustive engine and both random engines (rapid, gopter) at the " + b.Name + " budget, each cell the verdict and, where refuted, the number of tasks of the reported counterexample. ")
	md.WriteString("CPython's instances are in ns; uvloop's and Node.js's in units of 20 ms, since libuv's clock counts milliseconds and its verdicts depend on the unit; ")
	md.WriteString("under Trio every makespan is the exact expected makespan (`model.Trio.Distribution`), so every claim about makespans is a claim about expected makespans, checked on instances of at most 4 tasks (`props.BudgetOn`). ")
	md.WriteString("One column stands for every CPython 3.8 to 3.13 with every spawn style under heapq ties, which give every claim the base model's verdict (`TestClaimsUnderEveryCPythonWithHeapqTiesAreTheBaseVerdicts` in `props/runtime_test.go`).\n\n")
	md.WriteString("| claim |")
	for _, col := range claimsRuntimeColumns {
		md.WriteString(" " + col.head + " |")
	}
	md.WriteString("\n|---|" + strings.Repeat("---|", len(claimsRuntimeColumns)) + "\n")
	for i := range cells[0] {
		id := cells[0][i].Claim.ID
		fmt.Fprintf(&tex, "\\texttt{%s}", idTeX(id))
		fmt.Fprintf(&md, "| `%s` |", id)
		for k := range claimsRuntimeColumns {
			v := cells[k][i]
			if v.Claim.ID != id {
				return fmt.Errorf("claim order differs between runtimes: %s and %s", id, v.Claim.ID)
			}
			fmt.Fprintf(&tex, " & %s", texCell(v))
			fmt.Fprintf(&md, " %s |", cell(v))
		}
		tex.WriteString(" \\\\\n")
		md.WriteString("\n")
	}
	tex.WriteString("\\bottomrule\n\\end{tabular}\n")
	md.WriteString("\nCounterexamples were replayed on each runtime's real implementation: ")
	for k, col := range claimsRuntimeColumns {
		if k > 0 {
			md.WriteString("; ")
		}
		md.WriteString(col.head + ": " + col.replay)
	}
	md.WriteString(".\n")
	if err := o.write("generated/claims-runtimes-table.tex", []byte(tex.String())); err != nil {
		return err
	}
	return o.write("generated/readme-claims-runtimes.md", []byte(md.String()))
}
