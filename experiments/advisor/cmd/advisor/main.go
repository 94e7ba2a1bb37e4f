// Command advisor measures the scaling table of package experiments/advisor
// on this machine: order.Search and the previous solver at n = 10 to 10⁶
// under the CLI's budget, into the CSV that the paper generator renders.
//
//	go run ./experiments/advisor/cmd/advisor [-out experiments/data/advisor.csv] [-ns 10,30,...] [-budget 2s] [-md FILE]
//
// It takes minutes (each instance runs up to its budget) and the times are
// this machine's. Exit status 2 with one line on stderr on bad flags or a
// failed write.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/experiments/advisor"
	"github.com/gatherorder/gatherorder/experiments/machine"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("advisor", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := advisor.Default
	out := fs.String("out", "experiments/data/advisor.csv", "CSV output")
	md := fs.String("md", "", "also write the table as Markdown to this file")
	ns := fs.String("ns", "", "job counts, comma-separated (default: the table's)")
	fs.DurationVar(&c.Budget, "budget", c.Budget, "wall-clock budget per instance and solver")
	fail := func(err error) int {
		fmt.Fprintf(stderr, "advisor: %v\n", err)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return fail(err)
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	if c.Budget <= 0 {
		return fail(fmt.Errorf("-budget %v: want a positive duration", c.Budget))
	}
	if *ns != "" {
		c.Ns = nil
		for _, f := range strings.Split(*ns, ",") {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				return fail(fmt.Errorf("-ns: %q is not a job count", f))
			}
			c.Ns = append(c.Ns, n)
		}
	}
	c.Machine = machine.This().String()
	rows := advisor.Run(c, stderr)
	var b bytes.Buffer
	if err := advisor.WriteCSV(&b, rows); err != nil {
		return fail(err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return fail(err)
	}
	if *md != "" {
		if err := os.WriteFile(*md, advisor.Markdown(rows), 0o644); err != nil {
			return fail(err)
		}
	}
	_, err := stdout.Write(advisor.Markdown(rows))
	if err != nil {
		return fail(err)
	}
	return 0
}
