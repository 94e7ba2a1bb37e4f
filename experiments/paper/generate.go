package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"time"

	"github.com/gatherorder/gatherorder/experiments/limits"
	"github.com/gatherorder/gatherorder/experiments/machine"
	"github.com/gatherorder/gatherorder/experiments/uncertain"
	"github.com/gatherorder/gatherorder/props"
)

// Config is one run of the generator.
type Config struct {
	// Dir is the paper directory (paper/ of the repository): figures go to
	// Dir/figures, tables to Dir/generated, numbers to Dir/numbers.tex.
	Dir string
	Wom WomConfig
	// Scaling is the optimizer-scaling experiment; MeasureScaling re-times
	// it with optbench.ScalingRun into Dir/data/scaling_time.csv first (the
	// only step that measures this machine; off by default).
	Scaling ScalingConfig
	Heur    HeurConfig
	// Uncertain is the random-durations experiment (zero:
	// uncertain.Default).
	Uncertain uncertain.Config
	Diff      DiffConfig
	// Runtimes is the runtime table's batch (runtimes.go; zero:
	// DefaultRuntimes).
	Runtimes DiffConfig
	// Trio is the Trio step's batch (trio.go; zero: DefaultTrio).
	Trio TrioTableConfig
	// ClaimsRuntimes is the budget of the claims × runtimes table
	// (claimsruntimes.go; zero: props.Quick).
	ClaimsRuntimes ClaimsRuntimesConfig
	// Claims is the budget of props.Evaluate and props.Adversary.
	Claims props.Budget
	// Limits is the bounded-concurrency experiment (limits.go; zero:
	// experiments/limits.Default).
	Limits limits.Config
	// Proofs is the directory of the proofs ("": proofs beside Dir).
	Proofs         string
	MeasureScaling bool
	// ScalingCSV is the committed timing file to plot ("": and always
	// when MeasureScaling, Dir/data/scaling_time.csv).
	ScalingCSV string
	// TargetsCSV is the committed timing of the make targets for the
	// artifact appendix ("": Dir/data/make_targets.csv).
	TargetsCSV string
	// Data is the directory of the committed measurements, realclock.csv
	// and hop.csv ("": experiments/data beside Dir).
	Data string
	// Progress receives progress lines and warnings (os.Stderr).
	Progress io.Writer
}

// DefaultWom is the paper's configuration of the where-order-matters
// experiment: n = 2..8, ρ = 1/16..16 in powers of two, 1,000 workloads
// per cell, exact expectations over all n! orders.
var DefaultWom = WomConfig{
	MinN: 2, MaxN: 8,
	Ratios:    []Ratio{{1, 16}, {1, 8}, {1, 4}, {1, 2}, {1, 1}, {2, 1}, {4, 1}, {8, 1}, {16, 1}},
	Instances: 1000, Bootstrap: 2000, Seed: 20230312, MaxIO: 100,
}

// Generate writes every figure, table and number of the paper, and returns
// the files written (relative to cfg.Dir, in the order written).
func Generate(cfg Config) ([]string, error) {
	o := &output{dir: cfg.Dir}
	num := &Numbers{}
	proofsDir := cfg.Proofs
	if proofsDir == "" {
		proofsDir = filepath.Join(cfg.Dir, "..", "proofs")
	}
	var claims *claimsResult
	data := cfg.Data
	if data == "" {
		data = filepath.Join(cfg.Dir, "..", "experiments", "data")
	}
	steps := []struct {
		name string
		run  func() error
	}{
		{"constants", func() error { constants(num); return nil }},
		{"seed Gantt chart", func() error { return seedGantt(o, num) }},
		{"seed table", func() error { return seedTable(o, num) }},
		{"model against real CPython at the real clock", func() error { return realclockStep(o, num, filepath.Join(data, "realclock.csv")) }},
		{"libuv loops against their models at the real clock", func() error { return libuvclockStep(o, num, filepath.Join(data, "libuvclock.csv")) }},
		{"hop experiment", func() error { return hopTable(o, num, filepath.Join(data, "hop.csv")) }},
		{"real-library experiment", func() error { return realworldTable(o, num, filepath.Join(data, "realworld.csv")) }},
		{"differential batch against CPython", func() error { return differential(num, cfg.Diff, cfg.Progress) }},
		{"runtime table against CPython 3.8 to 3.13", func() error { return runtimesStep(o, num, cfg.Runtimes, data, cfg.Progress) }},
		{"Trio table against Trio 0.22", func() error { return trioStep(o, num, cfg.Trio, cfg.Progress) }},
		{"optimizer timing (measuring this machine)", func() error {
			if !cfg.MeasureScaling {
				return nil
			}
			return measureScaling(o, cfg.Scaling, machine.This().String(), cfg.Progress)
		}},
		{"optimizer scaling", func() error {
			csv := cfg.ScalingCSV
			if csv == "" || cfg.MeasureScaling {
				csv = filepath.Join(cfg.Dir, "data", "scaling_time.csv")
			}
			return optimizerScaling(o, num, cfg.Scaling, csv, cfg.Progress)
		}},
		{"heuristic comparison", func() error { return heuristicsTable(o, num, cfg.Heur, cfg.Progress) }},
		{"anytime search scaling table", func() error { return advisorTable(o, filepath.Join(data, "advisor.csv")) }},
		{"where the order matters", func() error { return whereOrderMatters(o, num, cfg.Wom, cfg.Progress) }},
		{"random durations (experiments/uncertain)", func() error { return uncertainStep(o, num, cfg.Uncertain) }},
		{"where the order matters under a limit", func() error { return limitsStep(o, num, cfg.Limits) }},
		{"claims (props.Evaluate, props.Adversary)", func() error {
			var err error
			claims, err = claimsStep(o, num, cfg.Claims, proofsDir, cfg.Progress)
			return err
		}},
		{"claims under every runtime", func() error { return claimsRuntimesStep(o, num, cfg.ClaimsRuntimes, cfg.Progress) }},
		{"proofs", func() error { return proofsStep(o, num, proofsDir) }},
		{"software versions", func() error {
			return softwareStep(num, filepath.Dir(filepath.Clean(proofsDir)), filepath.Join(data, "libuvclock.csv"))
		}},
		{"artifact table and README section", func() error {
			if err := artifactTable(o, claims); err != nil {
				return err
			}
			if err := proofChecksTable(o, proofsDir); err != nil {
				return err
			}
			targets := cfg.TargetsCSV
			if targets == "" {
				targets = filepath.Join(cfg.Dir, "data", "make_targets.csv")
			}
			if err := targetsTable(o, targets); err != nil {
				return err
			}
			return readmeReproduce(o, claims)
		}},
	}
	for _, s := range steps {
		start := time.Now()
		if err := s.run(); err != nil {
			return o.files, fmt.Errorf("%s: %w", s.name, err)
		}
		fmt.Fprintf(cfg.Progress, "%s: done in %.1fs\n", s.name, time.Since(start).Seconds())
	}
	var b bytes.Buffer
	if err := num.WriteTeX(&b); err != nil {
		return o.files, err
	}
	return o.files, o.write("numbers.tex", b.Bytes())
}

// constants are the facts the paper quotes that are not computed: the
// versions and dates of the sources, each with where it comes from.
func constants(num *Numbers) {
	num.Add("CPythonVersion", "3.11", "the CPython version whose asyncio the model reproduces (model/SEMANTICS.md)")
	num.Add("ThreadPythonVersion", "3.10.6", "the asker's Python in the seed thread")
	num.Add("BlogYear", "2022", "year of the blog post that advised longest-IO-first (blog.sentry.io, 2022-02-25)")
	num.Add("ThreadYear", "2023", "year of the seed thread (its logs are dated 12/Mar/2023)")
	num.Add("MainTextPages", fmt.Sprint(MainTextPages), "the most pages the main text may take (buildcheck.go, checked by make paper)")
	num.Add("ThreadDate", "12~March~2023", "date of the asker's logs in the seed thread (12/Mar/2023)")
}
