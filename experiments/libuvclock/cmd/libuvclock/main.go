// Command libuvclock validates the uvloop and Node.js models against the
// real runtimes on the wall clock, with CPython's asyncio loop as the
// control (package experiments/libuvclock), and writes measured against
// predicted makespans to a CSV.
//
//	go run ./experiments/libuvclock/cmd/libuvclock [-n 200] [-repeats 3] [-unit-ms 20] [-seed 1] [-tol-ms 10] [-out FILE]
//	go run ./experiments/libuvclock/cmd/libuvclock -summarize experiments/data/libuvclock.csv
//
// Progress goes to stderr; the summary (libuvclock.Summary) is printed at
// the end, and by -summarize for an existing CSV. make measure-libuv runs
// it (about 12 minutes; run on a quiet machine).
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
	"github.com/gatherorder/gatherorder/experiments/libuvclock"
	"github.com/gatherorder/gatherorder/model"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "libuvclock: %v\n", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, log io.Writer) error {
	fs := flag.NewFlagSet("libuvclock", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 200, "number of workloads (each measured in two orders on three runtimes)")
	repeats := fs.Int("repeats", 3, "runs per workload, order and runtime")
	unitMs := fs.Int("unit-ms", 20, "real milliseconds per workload unit")
	seed := fs.Uint64("seed", 1, "seed of the workload generator")
	tol := fs.Float64("tol-ms", 10, "agreement tolerance in ms (half a unit by default)")
	strict := fs.Float64("strict-ms", 3, "the strict tolerance in ms")
	out := fs.String("out", "", "CSV to write (default experiments/data/libuvclock.csv in the module)")
	sum := fs.String("summarize", "", "print the summary of an existing CSV and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *sum != "" {
		rows, err := libuvclock.ReadCSV(*sum)
		if err != nil {
			return err
		}
		libuvclock.Summarize(rows, *tol, *strict).Write(stdout)
		return nil
	}
	if *n < 1 || *repeats < 1 || *unitMs < 1 {
		return errors.New("-n, -repeats and -unit-ms must be at least 1")
	}
	path := *out
	if path == "" {
		var err error
		if path, err = csvfile.DataPath("libuvclock.csv"); err != nil {
			return err
		}
	}
	rows, err := libuvclock.Measure(log, libuvclock.Config{N: *n, Repeats: *repeats, Unit: model.Duration(*unitMs) * 1e6, Seed: *seed})
	if err != nil {
		return err
	}
	if err := libuvclock.WriteCSV(path, rows); err != nil {
		return err
	}
	fmt.Fprintf(log, "wrote %s\n", path)
	libuvclock.Summarize(rows, *tol, *strict).Write(log)
	return nil
}
