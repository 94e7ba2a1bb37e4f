// Command seedtable predicts the seed thread's four measured setups with
// the naive and the hop model and writes paper/data/seed_table.csv and
// paper/data/seed_tasks.csv (exact decimals; byte-identical on re-run). It
// prints the largest relative error of each model per experiment.
//
//	go run ./experiments/seed/cmd/seedtable [-table FILE] [-tasks FILE]
//
// Exit status 2 on bad usage or an unwritable file (one line on stderr).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gatherorder/gatherorder/experiments/seed"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("seedtable", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	table := fs.String("table", "paper/data/seed_table.csv", "output: one row per setup")
	tasks := fs.String("tasks", "paper/data/seed_tasks.csv", "output: one row per printed task duration")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: seedtable [-table FILE] [-tasks FILE]")
		return 2
	}
	rows, trows := seed.Tables(seed.Setups())
	var a, b bytes.Buffer
	if err := seed.WriteTable(&a, rows); err != nil {
		fmt.Fprintln(stderr, "seedtable:", err)
		return 2
	}
	if err := seed.WriteTasks(&b, trows); err != nil {
		fmt.Fprintln(stderr, "seedtable:", err)
		return 2
	}
	for _, f := range []struct {
		path string
		data []byte
	}{{*table, a.Bytes()}, {*tasks, b.Bytes()}} {
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			fmt.Fprintln(stderr, "seedtable:", err)
			return 2
		}
	}
	seed.WriteFits(stdout, seed.Fits(rows, trows))
	return 0
}
