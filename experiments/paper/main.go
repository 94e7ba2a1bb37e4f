package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gatherorder/gatherorder/props"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("paper", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "paper", "the paper directory to write into")
	data := fs.String("data", "", "the directory of the committed measurements realclock.csv and hop.csv (default: experiments/data beside -dir)")
	proofs := fs.String("proofs", "", "the directory of the proofs (default: proofs beside -dir)")
	quick := fs.Bool("quick", false, "a small where-order-matters grid (seconds; for tests, not for the paper)")
	check := fs.Bool("check-build", false, "check the LaTeX build in -dir instead of generating: the main text ends by page 16, no overfull box, no undefined reference (run by make paper after latexmk)")
	measure := fs.Bool("measure-scaling", false, "re-time the optimizer with optbench.ScalingRun into DIR/data/scaling_time.csv first (minutes; the times are this machine's)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "paper: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "paper: %s is not a directory (run from the repository root, or pass -dir)\n", *dir)
		return 2
	}
	if *check {
		if err := checkBuild(*dir); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	cfg := Config{Dir: *dir, Data: *data, Proofs: *proofs, Scaling: DefaultScaling, Heur: DefaultHeur, Diff: DefaultDiff, Runtimes: DefaultRuntimes, Claims: props.Quick, MeasureScaling: *measure, Wom: DefaultWom, Progress: stderr}
	if *quick {
		cfg.Wom = QuickWom
		cfg.Scaling = QuickScaling
		cfg.Heur = QuickHeur
		cfg.Diff = QuickDiff
		cfg.Runtimes = QuickRuntimes
		cfg.Trio = QuickTrio
		cfg.ClaimsRuntimes = QuickClaimsRuntimes
	}
	start := time.Now()
	files, err := Generate(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "paper: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "paper: wrote %d files under %s in %.1fs\n", len(files), *dir, time.Since(start).Seconds())
	return 0
}

// QuickWom is a small configuration for tests.
var QuickWom = WomConfig{
	MinN: 2, MaxN: 4, Ratios: []Ratio{{1, 4}, {1, 1}, {4, 1}},
	Instances: 20, Bootstrap: 200, Seed: 1, MaxIO: 100,
}
