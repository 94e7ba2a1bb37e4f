// Command limits prints the bounded-concurrency experiment (package
// experiments/limits) as CSV on stdout, with its default configuration
// or a smaller one:
//
//	go run ./experiments/limits/cmd/limits [-instances N] [-max-n N] [-seed S]
//
// The paper generator draws the same rows (figures/limits.{pdf,svg,csv}).
// Exit status 2 with one line on stderr on bad flags.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gatherorder/gatherorder/experiments/limits"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("limits", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := limits.Default
	fs.IntVar(&c.Instances, "instances", c.Instances, "workloads per cell")
	fs.IntVar(&c.MaxN, "max-n", c.MaxN, "largest number of tasks")
	fs.Uint64Var(&c.Seed, "seed", c.Seed, "PCG seed")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./experiments/limits/cmd/limits [-instances N] [-max-n N] [-seed S]")
		return 2
	}
	rows, err := limits.Run(c)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if err := limits.WriteCSV(stdout, rows); err != nil {
		fmt.Fprintln(stderr, "limits:", err)
		return 1
	}
	return 0
}
