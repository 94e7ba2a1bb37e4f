// Command hop runs the real-socket hop experiment (package
// experiments/hop) on this machine: a Go delay server on a random free
// 127.0.0.1 port, client.py gathering the scaled seed scenario in both
// orders and both variants, and the naive and hop models' predictions.
//
//	go run ./experiments/hop/cmd/hop [-runs 5] [-cpu-ms 100] [-delays-ms 100,300,500] [-out experiments/data/hop.csv] [-python python3] [-timeout 5m]
//
// make hop runs it (about 30 s, loopback only). Output: the CSV
// (hop.Header) and a summary of medians, min and max per variant and order
// on stdout. Exit status 2 with one line on stderr on bad flags, a missing
// python3 or a failed run.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gatherorder/gatherorder/experiments/hop"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hop", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var c hop.Config
	var delays string
	fs.StringVar(&c.Python, "python", "python3", "Python 3.11 interpreter")
	fs.IntVar(&c.CPUMS, "cpu-ms", 100, "each CPU phase (time.sleep), ms")
	fs.StringVar(&delays, "delays-ms", "100,300,500", "server delays of tasks a, b, c, ms")
	fs.IntVar(&c.Runs, "runs", 5, "runs per variant and order (1..100)")
	fs.StringVar(&c.Out, "out", "experiments/data/hop.csv", "CSV output")
	fs.DurationVar(&c.Timeout, "timeout", 5*time.Minute, "limit for the whole client run")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./experiments/hop/cmd/hop [-runs N] [-cpu-ms MS] [-delays-ms A,B,C] [-out FILE] [-python PY] [-timeout D]")
		return 2
	}
	for _, p := range strings.Split(delays, ",") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			fmt.Fprintf(stderr, "hop: -delays-ms: %q is not a non-negative integer\n", p)
			return 2
		}
		c.DelaysMS = append(c.DelaysMS, n)
	}
	if c.Runs < 1 || c.Runs > 100 || c.CPUMS < 0 || c.CPUMS > 10000 {
		fmt.Fprintln(stderr, "hop: -runs must be 1..100 and -cpu-ms 0..10000")
		return 2
	}
	if err := hop.Experiment(context.Background(), c, stdout); err != nil {
		fmt.Fprintln(stderr, "hop:", strings.ReplaceAll(err.Error(), "\n", " "))
		return 2
	}
	return 0
}
