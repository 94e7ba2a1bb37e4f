package main

import (
	"bytes"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

//go:embed client.py
var clientScript string

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Config is one experiment.
type Config struct {
	Python string
	ClientArgs
	Out     string        // CSV path ("" writes none)
	Timeout time.Duration // for the whole client run
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hop", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var c Config
	var delays string
	fs.StringVar(&c.Python, "python", "python3", "Python 3.11 interpreter")
	fs.IntVar(&c.CPUMS, "cpu-ms", 100, "each CPU phase (time.sleep), ms")
	fs.StringVar(&delays, "delays-ms", "100,300,500", "server delays of tasks a, b, c, ms")
	fs.IntVar(&c.Runs, "runs", 5, "runs per variant and order (1..100)")
	fs.StringVar(&c.Out, "out", "experiments/data/hop.csv", "CSV output")
	fs.DurationVar(&c.Timeout, "timeout", 5*time.Minute, "limit for the whole client run")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./experiments/hop [-runs N] [-cpu-ms MS] [-delays-ms A,B,C] [-out FILE] [-python PY] [-timeout D]")
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
	if err := Experiment(context.Background(), c, stdout); err != nil {
		fmt.Fprintln(stderr, "hop:", strings.ReplaceAll(err.Error(), "\n", " "))
		return 2
	}
	return 0
}

// Experiment starts the delay server, runs the client against it, stops
// the server, writes the CSV and prints the summary.
func Experiment(ctx context.Context, c Config, stdout io.Writer) error {
	sc, err := NewScenario(c.CPUMS, c.DelaysMS)
	if err != nil {
		return err
	}
	// Exactly the requests the client makes: one per task, order, variant, run.
	srv, err := StartServer(int64(c.Runs * 2 * len(Orders) * len(c.DelaysMS)))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	runs, err := runClient(ctx, c.Python, clientScript, srv.Port, c.ClientArgs)
	if cerr := srv.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("delay server: %w", cerr)
	}
	if err != nil {
		return err
	}
	rows := Rows(sc, runs)
	if c.Out != "" {
		var b bytes.Buffer
		if err := WriteCSV(&b, rows); err != nil {
			return err
		}
		if err := os.WriteFile(c.Out, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "python %s on %s/%s, %d CPUs; CPU phases %d ms, delays %v ms, %d runs each; %d requests served\n",
		runs[0].Python, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), c.CPUMS, c.DelaysMS, c.Runs, srv.Requests())
	WriteSummary(stdout, Stats(rows))
	return nil
}
