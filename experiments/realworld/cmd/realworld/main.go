// Command realworld runs the real-library experiment (package
// experiments/realworld): for each setup it starts the server, records
// the client with the recorder, predicts every gather order from the
// recording, runs every order for real, and writes the CSV, the merged
// recordings and a summary.
//
//	go run ./experiments/realworld/cmd/realworld [-python /usr/bin/python3] [-unit 100ms] [-reps 5] [-out experiments/data/realworld.csv] [-recordings experiments/data/realworld] [-only S1,S2] [-timeout 3m]
//
// make realworld installs what it needs (scripts/setup-realworld.sh) and
// runs it. Exit status 2 with one line on stderr on bad flags or a failed
// run.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gatherorder/gatherorder/experiments/realworld"
	"github.com/gatherorder/gatherorder/record"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("realworld", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg := realworld.Config{Delays: []int{5, 3, 1}, Log: stderr}
	var only, out, recs string
	fs.StringVar(&cfg.Python, "python", "/usr/bin/python3", "the interpreter with the libraries")
	fs.DurationVar(&cfg.Unit, "unit", 100*time.Millisecond, "the scaled unit (the thread's 1 s)")
	fs.IntVar(&cfg.Reps, "reps", 5, "rounds: runs per order, and recorded runs")
	fs.DurationVar(&cfg.Timeout, "timeout", 3*time.Minute, "limit of each client run")
	fs.StringVar(&only, "only", "", "comma-separated setups to run (default all)")
	fs.StringVar(&out, "out", "experiments/data/realworld.csv", "CSV output")
	fs.StringVar(&recs, "recordings", "experiments/data/realworld", "directory for the merged recorder files")
	summarize := fs.String("summarize", "", "print the summary of an existing CSV and exit")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./experiments/realworld/cmd/realworld [-python PY] [-unit D] [-reps N] [-out FILE] [-recordings DIR] [-only S1,S2] [-timeout D] [-summarize FILE]")
		return 2
	}
	if *summarize != "" {
		rows, err := realworld.ReadCSV(*summarize)
		if err != nil {
			fmt.Fprintln(stderr, "realworld:", strings.ReplaceAll(err.Error(), "\n", " "))
			return 2
		}
		realworld.WriteSummary(stdout, rows)
		return 0
	}
	if cfg.Reps < 1 || cfg.Reps > 50 || cfg.Unit < 10*time.Millisecond || cfg.Unit > 2*time.Second {
		fmt.Fprintln(stderr, "realworld: -reps must be 1..50 and -unit 10ms..2s")
		return 2
	}
	if only != "" {
		cfg.Only = strings.Split(only, ",")
		for _, s := range cfg.Only {
			if !known(s) {
				fmt.Fprintf(stderr, "realworld: -only: unknown setup %q\n", s)
				return 2
			}
		}
	}
	ms, err := realworld.Run(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(stderr, "realworld:", strings.ReplaceAll(err.Error(), "\n", " "))
		return 2
	}
	rows := realworld.Rows(ms, niceness())
	f, err := os.Create(out)
	if err == nil {
		err = realworld.WriteCSV(f, rows)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		err = os.MkdirAll(recs, 0o755)
	}
	for _, m := range ms {
		if err == nil {
			err = os.WriteFile(filepath.Join(recs, m.Setup.Name+".json"), record.Marshal(m.File), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "realworld:", err)
		return 2
	}
	realworld.WriteSummary(stdout, rows)
	return 0
}

func known(name string) bool {
	for _, s := range realworld.Setups {
		if s.Name == name {
			return true
		}
	}
	return false
}

// niceness is this process's nice value (make realworld runs it under
// nice -n -10 where it may: the machine may be shared).
func niceness() string {
	p, err := syscall.Getpriority(syscall.PRIO_PROCESS, 0)
	if err != nil {
		return ""
	}
	// The raw system call returns 20 - nice.
	return strconv.Itoa(20 - p)
}
