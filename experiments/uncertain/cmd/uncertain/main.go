// Command uncertain prints the rows of package experiments/uncertain as
// CSV: the gain of ordering a gather as a function of the waits'
// coefficient of variation.
//
//	go run ./experiments/uncertain/cmd/uncertain [-samples N] [-seed S]
//
// Exit status 2 with one line on stderr on bad flags.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gatherorder/gatherorder/experiments/uncertain"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("uncertain", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := uncertain.Default
	fs.IntVar(&c.Samples, "samples", c.Samples, "scenarios per set (at least 2)")
	fs.Uint64Var(&c.Seed, "seed", c.Seed, "the scenarios' seed")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || c.Samples < 2 {
		fmt.Fprintln(stderr, "uncertain: usage: uncertain [-samples N (at least 2)] [-seed S]")
		return 2
	}
	rows, err := uncertain.Run(c)
	if err == nil {
		err = uncertain.WriteCSV(stdout, rows)
	}
	if err != nil {
		fmt.Fprintf(stderr, "uncertain: %v\n", err)
		return 2
	}
	return 0
}
