// Command realclock validates the model against real CPython on the wall
// clock: it runs seeded random workloads with the asyncio driver in
// --clock real mode (time.sleep for CPU, asyncio.sleep, loopback sockets
// for IO; experiments/runtimes) and writes measured against predicted
// makespans to a CSV.
//
//	go run ./experiments/realclock [-n 200] [-repeats 3] [-unit-ms 20] [-seed 1] [-out FILE]
//	go run ./experiments/realclock -summarize experiments/data/realclock.csv
//
// Each workload (2 to 5 tasks; even ids canonical cpu/sleep/cpu, odd ids
// general, durations in whole units of -unit-ms) is gathered in the
// longest-IO-first and shortest-IO-first orders, each -repeats times on a
// fresh event loop. A row holds the model's prediction (model.Simulate,
// exact) and the median, minimum and maximum measured makespan in ms, the
// CPython version, the machine, and the one-minute load average when the
// row was measured. The model is exact for the loop; the wall clock adds
// time.sleep overshoot, the epoll selector's rounding of timeouts up to
// whole milliseconds, thread wake-up latency and whatever else the machine
// is running, so measured minus predicted is expected to be small and
// positive, and medians over repeats damp outliers from other load.
// Progress goes to stderr; the summary (median and 95th percentile of the
// absolute and relative error, and whether measured order effects have
// the predicted sign) is printed at the end, and by -summarize for an
// existing CSV without measuring.
//
// Exit status 2 on bad flags or a failed run, with one line on stderr.
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"github.com/gatherorder/gatherorder/order"
)

var header = []string{"id", "class", "policy", "n_tasks", "predicted_ms", "measured_median_ms",
	"measured_min_ms", "measured_max_ms", "repeats", "python", "machine", "loadavg1"}

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "realclock: %v\n", err)
		os.Exit(2)
	}
}

func run(args []string, log io.Writer) error {
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
		rows, err := readCSV(*sum)
		if err != nil {
			return err
		}
		summarize(os.Stdout, rows)
		return nil
	}
	if *n < 1 || *repeats < 1 || *unitMs < 1 {
		return errors.New("-n, -repeats and -unit-ms must be at least 1")
	}
	path := *out
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		path = filepath.Join(root, "experiments", "data", "realclock.csv")
	}
	rows, err := measure(log, *n, *repeats, model.Duration(*unitMs)*1e6, *seed)
	if err != nil {
		return err
	}
	if err := writeCSV(path, rows); err != nil {
		return err
	}
	fmt.Fprintf(log, "wrote %s\n", path)
	summarize(log, rows)
	return nil
}

// measure runs every workload in the LIF and SIF orders.
func measure(log io.Writer, n, repeats int, unit model.Duration, seed uint64) ([]row, error) {
	specs := workloads(seed, n, unit)
	var budget model.Duration
	for _, s := range specs {
		budget += model.Simulate(s.w, order.LongestIOFirst(s.w)).Makespan + model.Simulate(s.w, order.ShortestIOFirst(s.w)).Makespan
	}
	fmt.Fprintf(log, "realclock: %d workloads x 2 orders x %d repeats; predicted wall time %s s plus overheads\n",
		n, repeats, model.Format(budget*model.Duration(repeats), model.Second))
	r, err := oracle.StartReal(repeats)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	mach := machine()
	began := time.Now()
	var rows []row
	for k, s := range specs {
		for _, pol := range []struct {
			name string
			ord  []int
		}{{"lif", order.LongestIOFirst(s.w)}, {"sif", order.ShortestIOFirst(s.w)}} {
			pred := model.Simulate(s.w, pol.ord).Makespan
			load := loadavg1()
			runs, err := r.Measure(s.w, pol.ord)
			if err != nil {
				return nil, fmt.Errorf("workload %d (%s), order %s: %w", s.id, model.Marshal(s.w), pol.name, err)
			}
			ns := make([]int64, len(runs))
			lo, hi := int64(runs[0].Makespan), int64(runs[0].Makespan)
			for i, m := range runs {
				ns[i] = int64(m.Makespan)
				lo, hi = min(lo, ns[i]), max(hi, ns[i])
			}
			rows = append(rows, row{
				id: s.id, class: string(s.class), policy: pol.name, nTasks: len(s.w.Tasks),
				predMs: float64(pred) / 1e6, medMs: medianNs(ns) / 1e6,
				minMs: float64(lo) / 1e6, maxMs: float64(hi) / 1e6,
				repeats: repeats, python: r.Version, machine: mach, loadv: load,
			})
		}
		if (k+1)%10 == 0 || k+1 == len(specs) {
			el := time.Since(began)
			eta := time.Duration(float64(el) / float64(k+1) * float64(len(specs)-k-1))
			fmt.Fprintf(log, "realclock: %d/%d workloads, %v elapsed, about %v left, load %s\n",
				k+1, len(specs), el.Round(time.Second), eta.Round(time.Second), loadavg1())
		}
	}
	return rows, nil
}

func ms(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

func writeCSV(path string, rows []row) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write(header)
	for _, r := range rows {
		w.Write([]string{strconv.Itoa(r.id), r.class, r.policy, strconv.Itoa(r.nTasks),
			ms(r.predMs), ms(r.medMs), ms(r.minMs), ms(r.maxMs), strconv.Itoa(r.repeats),
			r.python, r.machine, r.loadv})
	}
	w.Flush()
	if err := errors.Join(w.Error(), f.Close()); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

func readCSV(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != strings.Join(header, ",") {
		return nil, fmt.Errorf("%s: header is not %s", path, strings.Join(header, ","))
	}
	var rows []row
	for i, rec := range recs[1:] {
		var r row
		var errs []error
		num := func(s string) float64 {
			x, err := strconv.ParseFloat(s, 64)
			errs = append(errs, err)
			return x
		}
		atoi := func(s string) int {
			x, err := strconv.Atoi(s)
			errs = append(errs, err)
			return x
		}
		r.id, r.class, r.policy, r.nTasks = atoi(rec[0]), rec[1], rec[2], atoi(rec[3])
		r.predMs, r.medMs, r.minMs, r.maxMs = num(rec[4]), num(rec[5]), num(rec[6]), num(rec[7])
		r.repeats, r.python, r.machine, r.loadv = atoi(rec[8]), rec[9], rec[10], rec[11]
		if err := errors.Join(errs...); err != nil {
			return nil, fmt.Errorf("%s: line %d: %v", path, i+2, err)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// moduleRoot finds the directory of go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory; pass -out")
		}
		dir = parent
	}
}
