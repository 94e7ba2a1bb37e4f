package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

func init() { commands["simulate"] = simulate }

const simulateUsage = `usage: gatherorder simulate [--order given|lif|sif|best|all] [--json] FILE
  FILE "-" reads the workload from stdin. --order defaults to all, which
  reports given, lif, sif and best in that order. Without --json it prints a
  summary table and an ASCII timeline of every order on a common time axis.`

// simulate is `gatherorder simulate`: it reads one workload, applies the
// requested ordering policies and prints their simulated outcomes, as
// JSON (the contract documented at marshalResults) or as text with a
// timeline. The workload is in the format of model/SEMANTICS.md §S10.
func simulate(args []string, stdin io.Reader, stdout io.Writer) error {
	opts, err := parseSimulateArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		_, err := fmt.Fprintln(stdout, simulateUsage)
		return err
	}
	if err != nil {
		return err
	}
	data, err := readInput(opts.file, stdin)
	if err != nil {
		return err
	}
	w, err := model.Parse(opts.file, data)
	if err != nil {
		return err
	}
	outs := make([]order.Outcome, 0, len(opts.policies))
	for _, p := range opts.policies {
		o, err := order.Apply(w, p)
		if err != nil {
			// Only best can fail here (too many tasks for the exact
			// search); the other policies would still work, so say so.
			return fmt.Errorf("%s: %s (--order given, lif or sif need no search)", opts.file, oneLine(err.Error()))
		}
		outs = append(outs, o)
	}
	var out []byte
	if opts.json {
		out = marshalResults(w, outs)
	} else {
		out = renderText(w, outs)
	}
	_, err = stdout.Write(out)
	return err
}

type simulateOpts struct {
	file     string
	policies []order.Policy
	json     bool
}

// parseSimulateArgs reads the flags and the one FILE. Flags may come
// before or after FILE (Go's flag package stops at the first non-flag, so
// the remaining arguments are parsed again); "--" ends the flags.
func parseSimulateArgs(args []string) (simulateOpts, error) {
	var o simulateOpts
	flags := flag.NewFlagSet("simulate", flag.ContinueOnError)
	// The flag package would print a usage block on error; the CLI
	// contract is one line on stderr, which main prints from our error.
	flags.SetOutput(io.Discard)
	policy := flags.String("order", "all", "given, lif, sif, best or all")
	flags.BoolVar(&o.json, "json", false, "print one JSON object")
	var files []string
	for rest := args; len(rest) > 0; {
		if err := flags.Parse(rest); err != nil {
			return o, err
		}
		used := rest[:len(rest)-len(flags.Args())]
		rest = flags.Args()
		if len(used) > 0 && used[len(used)-1] == "--" {
			files = append(files, rest...) // after "--" every argument is a FILE
			break
		}
		if len(rest) > 0 {
			files = append(files, rest[0])
			rest = rest[1:]
		}
	}
	switch len(files) {
	case 0:
		return o, errors.New("missing FILE (use - for stdin)")
	case 1:
		o.file = files[0]
	default:
		return o, fmt.Errorf("want one FILE, got %d: %s", len(files), strings.Join(files, " "))
	}
	switch p := order.Policy(*policy); p {
	case order.Given, order.LIF, order.SIF, order.Best:
		o.policies = []order.Policy{p}
	case "all":
		o.policies = order.Policies
	default:
		return o, fmt.Errorf("unknown --order %q (want given, lif, sif, best or all)", *policy)
	}
	return o, nil
}

// readInput reads FILE, or stdin for "-". The error names the file once
// (os errors repeat the path, so only their cause is kept).
func readInput(file string, stdin io.Reader) ([]byte, error) {
	var data []byte
	var err error
	if file == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(file)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("cannot %s: %v", pe.Op, pe.Err)
		}
		return nil, fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	return data, nil
}

// oneLine folds any line breaks into spaces: main prints an error as one
// line on stderr, and a caller's message must not break that contract.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// marshalResults writes the JSON object of the CLI contract:
//
//	{"runtime": "asyncio", "unit": "s",
//	 "results": [{"policy": "given", "order": ["a", "b"], "makespan": 9,
//	              "finish": {"a": 4, "b": 9}}, ...]}
//
// It is written by hand because the contract fixes what encoding/json
// cannot: times are JSON numbers printed as exact decimals in the
// workload's unit (model.Format, never float64), and "finish" lists the
// tasks in workload order rather than sorted by name. One result per line
// keeps it readable and diffable.
func marshalResults(w *model.Workload, outs []order.Outcome) []byte {
	u := unitOf(w)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"runtime\": \"asyncio\", \"unit\": %s,\n \"results\": [", jsonString(string(u)))
	for i, o := range outs {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {\"policy\": ")
		b.WriteString(jsonString(string(o.Policy)))
		b.WriteString(", \"order\": [")
		for k, t := range o.Order {
			if k > 0 {
				b.WriteString(", ")
			}
			b.WriteString(jsonString(w.Tasks[t].Name))
		}
		fmt.Fprintf(&b, "], \"makespan\": %s, \"finish\": {", model.Format(o.Result.Makespan, u))
		for t, task := range w.Tasks {
			if t > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s: %s", jsonString(task.Name), model.Format(o.Result.Finish[t], u))
		}
		b.WriteString("}")
		if o.Optimal {
			b.WriteString(", \"optimal\": true")
		} else if o.Policy == order.Best {
			// The search stopped at its limit: report what is proven.
			fmt.Fprintf(&b, ", \"optimal\": false, \"lower_bound\": %s", model.Format(o.LowerBound, u))
		}
		b.WriteString("}")
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

func jsonString(s string) string {
	b, _ := json.Marshal(s) // a Go string always marshals (invalid UTF-8 becomes U+FFFD)
	return string(b)
}

func unitOf(w *model.Workload) model.Unit {
	if w.Unit == "" {
		return model.Second
	}
	return w.Unit
}
