package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gatherorder/gatherorder/record"
)

func init() { commands["record"] = recordCmd }

const recordUsage = `usage: gatherorder record -o FILE [--runs N] [--timeout D] [--virtual-clock] -- python3 SCRIPT [ARGS...]
  Runs the program unchanged (python3 may carry options; -m MODULE for
  SCRIPT) and writes to FILE, for every asyncio.gather and TaskGroup call
  it makes, the workload that call ran: one entry per call site, the
  calls of a site merged (--runs N runs the program N times and merges
  all of them: each step's samples, their median in the workload). The
  program's stdin, stdout, stderr, arguments and exit status pass through;
  gatherorder's own notes go to stderr after it ends. --timeout (default
  10m) limits each run. --virtual-clock is for tests: time.sleep and the
  loop's waits advance an exact virtual clock instead of waiting.
  Then: gatherorder simulate FILE.`

// recordStderr is where the recorded program's stderr and record's notes
// go (the commands' signature carries no stderr; tests replace it).
var recordStderr io.Writer = os.Stderr

// recordCmd is `gatherorder record`.
func recordCmd(args []string, stdin io.Reader, stdout io.Writer) error {
	flags := flag.NewFlagSet("record", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	out := flags.String("o", "", "the recorder file to write")
	runs := flags.Int("runs", 1, "runs of the program, merged")
	timeout := flags.Duration("timeout", record.DefaultTimeout, "limit of each run")
	virtual := flags.Bool("virtual-clock", false, "virtual clock (tests)")
	const short = "usage: gatherorder record -o FILE [--runs N] [--timeout D] -- python3 SCRIPT [ARGS...]"
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			_, err := fmt.Fprintln(stdout, recordUsage)
			return err
		}
		return fmt.Errorf("%s (%s)", oneLine(err.Error()), short)
	}
	if *out == "" {
		return fmt.Errorf("missing -o FILE (%s)", short)
	}
	if *runs < 1 || *runs > 1000 {
		return fmt.Errorf("--runs %d: want 1 to 1000", *runs)
	}
	if *timeout <= 0 {
		return fmt.Errorf("--timeout %v: want a positive duration", *timeout)
	}
	if flags.NArg() == 0 {
		return fmt.Errorf("no program to record (%s)", short)
	}
	res, err := record.Run(context.Background(), record.Config{
		Command: flags.Args(),
		Runs:    *runs,
		Timeout: *timeout,
		Virtual: *virtual,
		Stdin:   stdin,
		Stdout:  stdout,
		Stderr:  recordStderr,
	})
	if err != nil {
		return errors.New(oneLine(err.Error()))
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(recordStderr, "gatherorder record: %s\n", oneLine(w))
	}
	if res.File != nil {
		if err := os.WriteFile(*out, record.Marshal(res.File), 0o644); err != nil {
			return fmt.Errorf("writing %s: %v", *out, err)
		}
	} else {
		fmt.Fprintf(recordStderr, "gatherorder record: nothing recorded; %s not written\n", *out)
		if res.ExitCode == 0 {
			return errors.New("no recording")
		}
	}
	if res.ExitCode != 0 {
		return exitStatus(res.ExitCode)
	}
	return nil
}

// exitStatus ends gatherorder with that status and no message: the
// recorded program's own exit status, passed through.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }
