// Command probe shows one workload of the libuv real-clock experiment
// (package experiments/libuvclock) the way its disagreements are traced:
// the workload and order, every runtime's predicted finishes and waits,
// and, if a runtime is named, five real runs of it.
//
//	go run ./experiments/libuvclock/cmd/probe [-seed 1] [-n 201] [-unit-ms 20] ID lif|sif [asyncio|uvloop|node|node-block]
//
// Exit status 2 on bad arguments or a failed run, with one line on stderr.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/gatherorder/gatherorder/experiments/libuvclock"
	"github.com/gatherorder/gatherorder/experiments/realclock"
	"github.com/gatherorder/gatherorder/model"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "probe: %v\n", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("probe", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seed := fs.Uint64("seed", 1, "seed of the workload generator")
	n := fs.Int("n", 201, "number of workloads drawn")
	unitMs := fs.Int("unit-ms", 20, "real milliseconds per workload unit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 2 || fs.NArg() > 3 {
		return fmt.Errorf("want ID lif|sif [runtime], got %q", fs.Args())
	}
	id, err := strconv.Atoi(fs.Arg(0))
	if err != nil || id < 0 || id >= *n {
		return fmt.Errorf("ID %q is not in 0..%d", fs.Arg(0), *n-1)
	}
	s := libuvclock.Workloads(*seed, *n, model.Duration(*unitMs)*1e6)[id]
	var ord []int
	for _, p := range realclock.Policies(s.Workload) {
		if p.Name == fs.Arg(1) {
			ord = p.Order
		}
	}
	if ord == nil {
		return fmt.Errorf("policy %q is not lif or sif", fs.Arg(1))
	}
	fmt.Fprintf(out, "%s in order %v\n", model.Marshal(s.Workload), ord)
	for _, rt := range libuvclock.Runtimes[:3] {
		for _, m := range []model.Runtime{rt.Model, rt.Other} {
			r := m.Simulate(s.Workload, ord)
			fmt.Fprintf(out, "%s (%s): finish %s ms, ties %v\n", rt.Name, m, ms(r.Finish), libuvclock.HasTies(&r))
			for _, w := range r.Waits {
				fmt.Fprintf(out, "   t%d step %d %s: start %s due %s resume %s\n", w.Task, w.Step, w.Kind,
					model.Format(w.Start, model.Millisecond), model.Format(w.Due, model.Millisecond), model.Format(w.Resume, model.Millisecond))
			}
		}
	}
	if fs.NArg() < 3 {
		return nil
	}
	for _, rt := range libuvclock.Runtimes {
		if rt.Name != fs.Arg(2) {
			continue
		}
		r, err := rt.Start(5)
		if err != nil {
			return err
		}
		defer r.Close()
		runs, err := r.Measure(s.Workload, ord)
		if err != nil {
			return err
		}
		for _, m := range runs {
			fmt.Fprintf(out, "measured on %s: %s ms\n", rt.Name, ms(m.Finish))
		}
		return nil
	}
	return fmt.Errorf("unknown runtime %q", fs.Arg(2))
}

func ms(ds []model.Duration) string {
	s := "["
	for i, d := range ds {
		if i > 0 {
			s += " "
		}
		s += strconv.FormatFloat(float64(d)/1e6, 'f', 1, 64)
	}
	return s + "]"
}
