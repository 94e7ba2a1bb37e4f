// Command realclock validates the model against real CPython on the wall
// clock (package experiments/realclock) and writes measured against
// predicted makespans to a CSV.
//
//	go run ./experiments/realclock/cmd/realclock [-n 200] [-repeats 3] [-unit-ms 20] [-seed 1] [-out FILE]
//	go run ./experiments/realclock/cmd/realclock -summarize experiments/data/realclock.csv
//
// Progress goes to stderr; the summary (median and 95th percentile of the
// absolute and relative error, and whether measured order effects have
// the predicted sign; realclock.Summary) is printed at the end, and by
// -summarize for an existing CSV without measuring. make measure runs it
// (about 6 minutes; run on a quiet machine).
//
// Exit status 2 on bad flags or a failed run, with one line on stderr.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gatherorder/gatherorder/experiments/internal/csvfile"
	"github.com/gatherorder/gatherorder/experiments/realclock"
	"github.com/gatherorder/gatherorder/model"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "realclock: %v\n", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, log io.Writer) error {
	fs := flag.NewFlagSet("realclock", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 200, "number of workloads (each measured in two orders)")
	repeats := fs.Int("repeats", 3, "runs per workload and order")
	unitMs := fs.Int("unit-ms", 20, "real milliseconds per workload unit")
	seed := fs.Uint64("seed", 1, "seed of the workload generator")
	out := fs.String("out", "", "CSV to write (default experiments/data/realclock.csv in the module)")
	sum := fs.String("summarize", "", "print the summary of an existing CSV and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *sum != "" {
		rows, err := realclock.ReadCSV(*sum)
		if err != nil {
			return err
		}
		realclock.Summarize(rows).Write(stdout)
		return nil
	}
	if *n < 1 || *repeats < 1 || *unitMs < 1 {
		return errors.New("-n, -repeats and -unit-ms must be at least 1")
	}
	path := *out
	if path == "" {
		var err error
		if path, err = csvfile.DataPath("realclock.csv"); err != nil {
			return err
		}
	}
	rows, err := realclock.Measure(log, realclock.Config{N: *n, Repeats: *repeats, Unit: model.Duration(*unitMs) * 1e6, Seed: *seed})
	if err != nil {
		return err
	}
	if err := realclock.WriteCSV(path, rows); err != nil {
		return err
	}
	fmt.Fprintf(log, "wrote %s\n", path)
	realclock.Summarize(rows).Write(log)
	return nil
}
