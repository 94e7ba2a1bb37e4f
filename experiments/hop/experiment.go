package hop

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gatherorder/gatherorder/experiments/machine"
)

// clientScript is client.py, which the client runs from stdin.
//
//go:embed client.py
var clientScript string

// Config is one experiment.
type Config struct {
	Python string
	ClientArgs
	Out     string        // CSV path ("" writes none)
	Timeout time.Duration // for the whole client run
}

// Measurement is what one run of the client measured.
type Measurement struct {
	Scenario Scenario
	Runs     []Run
	Requests int64 // requests the server received
}

// Measure starts the delay server, runs the client against it and stops
// the server.
func Measure(ctx context.Context, c Config) (Measurement, error) {
	sc, err := NewScenario(c.CPUMS, c.DelaysMS)
	if err != nil {
		return Measurement{}, err
	}
	// Exactly the requests the client makes: one per task, order, variant, run.
	srv, err := StartServer(int64(c.Runs * 2 * len(Orders) * len(c.DelaysMS)))
	if err != nil {
		return Measurement{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	runs, err := runClient(ctx, c.Python, clientScript, srv.Port, c.ClientArgs)
	if cerr := srv.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("delay server: %w", cerr)
	}
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Scenario: sc, Runs: runs, Requests: srv.Requests()}, nil
}

// Experiment measures (Measure), writes the CSV to c.Out and prints the
// summary to stdout.
func Experiment(ctx context.Context, c Config, stdout io.Writer) error {
	m, err := Measure(ctx, c)
	if err != nil {
		return err
	}
	rows := Rows(m.Scenario, m.Runs)
	if c.Out != "" {
		var b bytes.Buffer
		if err := WriteCSV(&b, rows); err != nil {
			return err
		}
		if err := os.WriteFile(c.Out, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "python %s on %s; CPU phases %d ms, delays %v ms, %d runs each; %d requests served\n",
		m.Runs[0].Python, machine.This(), c.CPUMS, c.DelaysMS, c.Runs, m.Requests)
	WriteSummary(stdout, Stats(rows))
	return nil
}
