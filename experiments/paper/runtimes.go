package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/gatherorder/gatherorder/experiments/realclock"
	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"github.com/gatherorder/gatherorder/order"
)

// The runtime table (model/SEMANTICS.md §S11) takes a DiffConfig: for
// every CPython 3.8 to 3.13 under pyenv (oracle.InterpretersFor) and
// every spawn style it has, Workloads cases of gen.AnyCase and Workloads/2
// each of gen.EqualDeadlinesCase and gen.CanonicalCase, drawn from seeds
// Seed, Seed+1, ..., run on that CPython under the virtual clock and
// compared with its model variant (oracle.Python.Runtime, heapq ties)
// exactly, as oracle's tests do (oracle/runtimes_test.go).

// DefaultRuntimes is the paper's configuration: 2,000 workloads per
// runtime, 22,000 in all.
var DefaultRuntimes = DiffConfig{Workloads: 1000, Seed: 1}

// QuickRuntimes is a small configuration for tests.
var QuickRuntimes = DiffConfig{Workloads: 20, Seed: 1}

// runtimeRow is one runtime's line of the table.
type runtimeRow struct {
	Python     string // full version, e.g. "3.12.1"
	Runtime    model.Runtime
	Workloads  int
	Mismatches int
}

// exact is the row's model column.
func (r runtimeRow) exact() string {
	if r.Mismatches > 0 {
		return "NOT exact: see the MISMATCH lines of the generator's output"
	}
	if r.Runtime.Version() == model.BaseMinor && r.Runtime.Spawn == model.Gather {
		return "exact, the base model"
	}
	return "exact, same as 3.11 gather"
}

// runRuntimes runs the batch on every runtime. A mismatch is a result: it
// is counted, and the first of each runtime and generator is described
// on progress. A missing version is an error naming it.
func runRuntimes(c DiffConfig, progress io.Writer) ([]runtimeRow, error) {
	var minors []int
	for m := model.MinMinor; m <= model.MaxMinor; m++ {
		minors = append(minors, m)
	}
	its, err := oracle.InterpretersFor(minors)
	if err != nil {
		return nil, fmt.Errorf("the runtime table needs every CPython 3.%d to 3.%d: %w", model.MinMinor, model.MaxMinor, err)
	}
	gens := []struct {
		name string
		g    *rapid.Generator[gen.Case]
		n    int
	}{{"any", gen.AnyCase(), c.Workloads}, {"equal-deadlines", gen.EqualDeadlinesCase(), c.Workloads / 2}, {"canonical", gen.CanonicalCase(true), c.Workloads / 2}}
	start := time.Now()
	var rows []runtimeRow
	for _, it := range its {
		for _, s := range model.Spawns() {
			if it.Minor < s.Since() {
				continue
			}
			p, err := oracle.StartWith(oracle.Config{Python: it.Path, Spawn: s})
			if err != nil {
				return nil, err
			}
			row := runtimeRow{Python: p.Version, Runtime: p.Runtime}
			for _, g := range gens {
				a, err := diffBatch(p, g.name, g.g, c.Seed, g.n, progress)
				if err != nil {
					p.Close()
					return nil, err
				}
				row.Workloads += a.Workloads
				row.Mismatches += a.Mismatches
			}
			if err := p.Close(); err != nil {
				return nil, err
			}
			rows = append(rows, row)
			fmt.Fprintf(progress, "runtime table: CPython %s %s: %d workloads, %d mismatches at %.1fs\n", row.Python, s, row.Workloads, row.Mismatches, time.Since(start).Seconds())
		}
	}
	return rows, nil
}

// realclockTies counts the (workload, order) pairs of the committed
// real-clock experiment whose predicted makespan depends on the tie rule
// (model/SEMANTICS.md §S12). It rebuilds the workloads with the
// experiment's defaults (seed 1, 20 ms per unit: make measure) and
// checks each row's heapq prediction, so a CSV measured otherwise is an
// error, not a wrong count.
func realclockTies(path string) (dependent, pairs int, err error) {
	rows, err := realclock.ReadCSV(path)
	if err != nil {
		return 0, 0, err
	}
	specs := realclock.Workloads(1, len(rows)/2, 20e6)
	armed := model.Runtime{Ties: model.TiesArmed}
	for _, r := range rows {
		if r.ID < 0 || r.ID >= len(specs) {
			return 0, 0, fmt.Errorf("%s: workload %d is not one of seed 1's %d", path, r.ID, len(specs))
		}
		w := specs[r.ID].Workload
		var ord []int
		switch r.Policy {
		case "lif":
			ord = order.LongestIOFirst(w)
		case "sif":
			ord = order.ShortestIOFirst(w)
		default:
			return 0, 0, fmt.Errorf("%s: workload %d: unknown policy %q", path, r.ID, r.Policy)
		}
		heapq := model.Simulate(w, ord).Makespan
		ms := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
		if ms(float64(heapq)/1e6) != ms(r.PredMs) {
			return 0, 0, fmt.Errorf("%s: workload %d (%s) predicted %s ms, but seed 1 at 20 ms per unit gives %s ms: not measured with make measure's defaults", path, r.ID, r.Policy, ms(r.PredMs), ms(float64(heapq)/1e6))
		}
		if armed.Simulate(w, ord).Makespan != heapq {
			dependent++
		}
		pairs++
	}
	return dependent, pairs, nil
}

// runtimesStep writes generated/runtimes-table.tex (the paper's table),
// generated/readme-runtimes.md (the README's section "Runtimes") and the
// numbers of both.
func runtimesStep(o *output, num *Numbers, c DiffConfig, data string, progress io.Writer) error {
	if c.Workloads == 0 {
		c = DefaultRuntimes
	}
	rows, err := runRuntimes(c, progress)
	if err != nil {
		return err
	}
	dep, pairs, err := realclockTies(filepath.Join(data, "realclock.csv"))
	if err != nil {
		return err
	}
	total, mism, exact := 0, 0, 0
	for _, r := range rows {
		total += r.Workloads
		mism += r.Mismatches
		if r.Mismatches == 0 {
			exact++
		}
	}
	src := "runtime table, model variants vs CPython 3.8-3.13 under the virtual clock (experiments/paper/runtimes.go)"
	num.Add("RuntimesCount", strconv.Itoa(len(rows)), src+": runtimes (version x spawn style)")
	num.Add("RuntimesExact", strconv.Itoa(exact), src+": runtimes with no mismatch")
	num.Add("RuntimesPerRuntime", thousands(int64(rows[0].Workloads)), src+": workloads compared per runtime")
	num.Add("RuntimesWorkloads", thousands(int64(total)), src+": workloads compared in all")
	num.Add("RuntimesMismatches", strconv.Itoa(mism), src+": workloads where a runtime's model and its CPython differ")
	num.Add("RuntimesOldest", rows[0].Python, src+": oldest CPython compared")
	num.Add("RuntimesNewest", rows[len(rows)-1].Python, src+": newest CPython compared")
	num.Add("RuntimesSeed", strconv.Itoa(c.Seed), src+": first rapid seed")
	rsrc := "real-clock experiment (experiments/data/realclock.csv) under both tie rules (model/SEMANTICS.md S12)"
	num.Add("RealclockTiePairs", strconv.Itoa(pairs), rsrc+": workload-order pairs")
	num.Add("RealclockTieDependent", strconv.Itoa(dep), rsrc+": pairs whose predicted makespan depends on the tie rule")

	var tex strings.Builder
	tex.WriteString("% Generated by `go run ./experiments/paper` (runtimes.go); do not edit.\n")
	// One row per CPython, one column per spawn style: mismatches of the
	// runtime's model against that interpreter over the workloads compared.
	var pythons []string
	var spawns []model.Spawn
	cell := map[string]map[model.Spawn]runtimeRow{}
	for _, r := range rows {
		if cell[r.Python] == nil {
			cell[r.Python] = map[model.Spawn]runtimeRow{}
			pythons = append(pythons, r.Python)
		}
		if !slices.Contains(spawns, r.Runtime.Spawn) {
			spawns = append(spawns, r.Runtime.Spawn)
		}
		cell[r.Python][r.Runtime.Spawn] = r
	}
	tex.WriteString("\\begin{tabular}{l" + strings.Repeat("r", len(spawns)) + "}\n\\toprule\n")
	tex.WriteString("CPython")
	for _, sp := range spawns {
		fmt.Fprintf(&tex, " & \\texttt{%s}", sp)
	}
	tex.WriteString(" \\\\\n\\midrule\n")
	for _, py := range pythons {
		tex.WriteString(py)
		for _, sp := range spawns {
			r, ok := cell[py][sp]
			switch {
			case !ok:
				tex.WriteString(" & ---")
			case r.Mismatches > 0:
				fmt.Fprintf(&tex, " & \\textbf{%d} / %s", r.Mismatches, thousands(int64(r.Workloads)))
			default:
				fmt.Fprintf(&tex, " & %d / %s", r.Mismatches, thousands(int64(r.Workloads)))
			}
		}
		tex.WriteString(" \\\\\n")
	}
	tex.WriteString("\\bottomrule\n\\end{tabular}\n")
	if err := o.write("generated/runtimes-table.tex", []byte(tex.String())); err != nil {
		return err
	}

	comma := func(x int) string { return strings.ReplaceAll(thousands(int64(x)), `\,`, ",") }
	var md strings.Builder
	md.WriteString("<!-- Generated by `go run ./experiments/paper`; do not edit. -->\n")
	md.WriteString("## Runtimes\n\n")
	fmt.Fprintf(&md, "The model covers CPython 3.%d to 3.%d with `asyncio.gather`, with `TaskGroup` + `create_task` in the same order (3.11 and later), ", model.MinMinor, model.MaxMinor)
	md.WriteString("and with `gather` under `asyncio.eager_task_factory` (3.12 and later): `model.Runtime`, specified in `model/SEMANTICS.md` §S11. ")
	fmt.Fprintf(&md, "Each runtime was compared with its own CPython under the virtual clock on the same fixed-seed batch of %s workloads ", comma(rows[0].Workloads))
	md.WriteString("(`gen.AnyCase`, `gen.EqualDeadlinesCase`, `gen.CanonicalCase`), exactly: every finish time, the makespan and every CPU segment. ")
	md.WriteString("The virtual clock makes equal deadlines exactly equal, so every comparison used the heapq tie rule.\n\n")
	md.WriteString("| CPython | spawn | workloads | mismatches | model |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&md, "| %s | `%s` | %s | %d | %s (`%s`) |\n", r.Python, r.Runtime.Spawn, comma(r.Workloads), r.Mismatches, r.exact(), r.Runtime)
	}
	md.WriteString("\nThe version and the spawn style change no time (`model/SEMANTICS.md` §S11 cites each version's source); ")
	md.WriteString("`go test ./oracle` repeats the comparison on a few hundred workloads per runtime and `make verify` on 20,000 (`oracle/runtimes_test.go`).\n\n")
	md.WriteString("Real clocks never tie. Deadlines that are equal on the exact clock leave CPython's heap in heapq's sift order under the virtual clock, ")
	md.WriteString("but on a real clock they differ by microseconds of loop overhead and leave in the order they were armed (`model/SEMANTICS.md` §S12). ")
	md.WriteString("So the model offers both tie rules for every runtime: `heapq` (`model.TiesHeapq`, the default, validated above) and `armed` (`model.TiesArmed`, ")
	md.WriteString("checked on the wall clock by `TestRealClockTiesLeaveInArmingOrder` under `make verify`). ")
	fmt.Fprintf(&md, "The real-clock experiment (`experiments/data/realclock.csv`) predicted with `heapq`; %d of its %d workload-order pairs have a makespan that depends on the rule.\n", dep, pairs)
	return o.write("generated/readme-runtimes.md", []byte(md.String()))
}
