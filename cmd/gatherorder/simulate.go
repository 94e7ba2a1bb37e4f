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
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"github.com/gatherorder/gatherorder/record"
)

func init() { commands["simulate"] = simulate }

const simulateUsage = `usage: gatherorder simulate [--order POLICY[,POLICY...]] [--time-limit D] [--nodes N]
       [--runtime asyncio|uvloop|trio|node] [--python 3.MINOR] [--spawn S] [--ties T] [--json] FILE
  FILE "-" reads the workload from stdin. POLICY is given, lif, sif, ltf,
  mitten, best or all; --order defaults to all, which reports given, lif,
  sif and best in that order, and a comma list reports each policy listed
  in turn (ltf and mitten need every task to be cpu; sleep or io; cpu).
  best searches for the order with the least makespan within its budget:
  --time-limit D (a Go duration, default 2s; 0 for none) and --nodes N
  (search nodes, a deterministic limit; default 0, the search's own limit
  of about a minute), whichever ends first. It says optimal only when it
  has proven it, and otherwise reports the proven lower bound and the gap.
  On a terminal, a search that runs over a second shows its progress on
  stderr. Without --json it prints a summary table and an ASCII timeline of
  every order on a common time axis; large workloads get counts instead of
  full orders and no timelines.
  --runtime picks the runtime the orders are simulated on (model/SEMANTICS.md):
  asyncio (default: CPython 3.11, gather; --python 3.8 to 3.13, --spawn
  gather, taskgroup or eager, all exact against CPython), with --ties heapq
  (CPython's heap order of equal deadlines, the default, what the virtual
  clock shows) or armed (arming order, what a real clock shows); uvloop
  (uvloop 0.17 on libuv) and node (Node.js 20, await Promise.all over async
  functions), with millisecond timers (--ties armed on node orders equal
  expiries by arming instead of Node's own list order); trio
  (Trio 0.22: each batch of runnable tasks runs in order or reversed, so
  each order gets the exact distribution of its makespan, and best is the
  order of least expected makespan). On a runtime whose makespans the
  closed form does not describe (--ties armed, uvloop, node), best tries
  every order on that runtime's simulator up to 8 tasks and beyond runs a
  local search on it within --time-limit/--nodes with a proven lower bound
  (order.BoundsOn), and says which and the bound; trio's best likewise
  compares expected makespans (order.SearchTrio past 8 tasks).
  A workload with a "limit" (a shared asyncio.Semaphore(k) or k workers,
  model/SEMANTICS.md §S17) runs on asyncio only; its best order is found
  by trying every order up to 9 tasks, beyond by local search with a
  proven lower bound, and the report says which and what it saves.
  A recorder file (gatherorder record) is reported site by site.
  [--samples N] [--seed S] [--objective mean|p95]: see below.` + uncertainUsage

// largeInput is the input size from which simulate returns the parse's
// memory to the system before going on.
const largeInput = 16 << 20

// defaultTimeLimit is best's budget when --time-limit is not given: short
// enough to wait for at the terminal.
const defaultTimeLimit = 2 * time.Second

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
	if record.IsRecorderFile(data) {
		return simulateRecording(opts, data, stdout)
	}
	w, err := model.Parse(opts.file, data)
	if err != nil {
		return err
	}
	if len(data) > largeInput {
		// The parse's garbage is most of the peak memory of a large
		// workload: give it back before the search and the simulations
		// allocate theirs (10⁶ tasks of five steps stay under 1 GiB).
		data = nil
		debug.FreeOSMemory()
	}
	out, err := report(opts, w)
	if err != nil {
		return err
	}
	_, err = stdout.Write(out)
	return err
}

// report applies the requested policies to w and renders their outcomes
// as JSON or as text.
func report(opts simulateOpts, w *model.Workload) ([]byte, error) {
	if err := checkLimit(opts, w); err != nil {
		return nil, err
	}
	if opts.wantsUncertain(w) {
		return uncertainReport(opts, w) // uncertain.go
	}
	if opts.policyErr != nil {
		return nil, opts.policyErr
	}
	if opts.runtime.trio {
		return trioReport(opts, w)
	}
	rt := opts.runtime.rt
	// Timelines need the simulator's trace; orders too large to draw are
	// simulated without it, which is faster and much smaller.
	trace := !opts.json && drawable(w)
	outs := make([]order.Outcome, 0, len(opts.policies))
	for _, p := range opts.policies {
		lim := order.Limits{Nodes: opts.nodes, Time: opts.timeLimit}
		var pl *progressLine
		if p == order.Best {
			if pl = newProgressLine(progressTo(), opts.timeLimit, unitOf(w)); pl != nil {
				lim.Progress = pl.update
			}
		}
		c, err := order.ChooseOn(w, p, lim, rt)
		pl.clear()
		if err != nil {
			return nil, fmt.Errorf("%s: --order %s: %s", opts.file, p, oneLine(err.Error()))
		}
		outs = append(outs, c.OutcomeOn(w, rt, trace))
	}
	if opts.json {
		return marshalResults(w, outs, opts.runtime.name), nil
	}
	text := renderText(w, outs)
	if note := limitNote(w, outs); note != nil {
		text = append(note, text...)
	}
	if rt != (model.Runtime{}) {
		text = append([]byte("runtime: "+opts.runtime.name+"\n"+methodLines(w, outs)), text...)
	}
	return text, nil
}

// simulateRecording reports every site of a recorder file (gatherorder
// record): a header naming the site, how many calls were merged and their
// median measured makespan, then the report of the site's median workload.
// With --json it prints {"sites": [{"site", "kind", "calls", "measured",
// "report"}]}, each report the object a workload file gives.
func simulateRecording(opts simulateOpts, data []byte, stdout io.Writer) error {
	f, err := record.Parse(opts.file, data)
	if err != nil {
		return err
	}
	sites := record.Sites(f)
	var b bytes.Buffer
	if opts.json {
		b.WriteString("{\"sites\": [")
	}
	for i, s := range sites {
		out, err := report(opts, s.Workload)
		if err != nil {
			return fmt.Errorf("site %s: %w", s.Label(), err)
		}
		measured := model.Format(s.Measured, unitOf(s.Workload))
		if opts.json {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n{\"site\": %s, \"kind\": %s, \"calls\": %d, \"measured\": %s,\n \"report\": %s}",
				jsonString(s.Label()), jsonString(s.Kind), s.Calls, measured, bytes.TrimRight(out, "\n"))
			continue
		}
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "site %s (%s): %d %s, median measured makespan %s %s\n\n",
			s.Label(), s.Kind, s.Calls, plural(s.Calls, "call", "calls"), measured, unitOf(s.Workload))
		b.Write(out)
	}
	if opts.json {
		b.WriteString("]}\n")
	}
	if len(sites) == 0 && !opts.json {
		b.WriteString("the recording holds no gather calls\n")
	}
	_, err = stdout.Write(b.Bytes())
	return err
}

type simulateOpts struct {
	runtime   runtimeChoice
	file      string
	policies  []order.Policy
	json      bool
	timeLimit time.Duration
	nodes     int64
	unc       uncertainOpts // uncertain.go
	policyErr error         // --order names only by-mean or by-median policies
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
	policy := flags.String("order", "all", "given, lif, sif, ltf, mitten, best or all, or a comma list")
	flags.BoolVar(&o.json, "json", false, "print one JSON object")
	flags.DurationVar(&o.timeLimit, "time-limit", defaultTimeLimit, "best's wall-clock budget (0: none)")
	flags.Int64Var(&o.nodes, "nodes", 0, "best's node limit (0: the search's default)")
	rtName := flags.String("runtime", "asyncio", "the runtime: "+runtimeNames)
	python := flags.String("python", "", "asyncio: the CPython version 3.8 to 3.13 (default 3.11)")
	spawn := flags.String("spawn", "", "asyncio: gather, taskgroup or eager (default gather)")
	ties := flags.String("ties", "", "equal deadlines: heapq (CPython's heap, the default) or armed (arming order, as on a real clock)")
	flags.IntVar(&o.unc.samples, "samples", 0, "scenarios to draw (default 1000 for random durations)")
	flags.Uint64Var(&o.unc.seed, "seed", defaultSeed, "the scenarios' seed")
	objective := flags.String("objective", "mean", "what best minimises on scenarios: mean or p95")
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
	if o.timeLimit < 0 {
		return o, fmt.Errorf("--time-limit %v is negative (want a duration such as 2s, or 0 for none)", o.timeLimit)
	}
	if o.nodes < 0 {
		return o, fmt.Errorf("--nodes %d is negative (want a count, or 0 for the default)", o.nodes)
	}
	rt, err := parseRuntimeFlags(*rtName, *python, *spawn, *ties)
	if err != nil {
		return o, err
	}
	o.runtime = rt
	ps, err := parsePolicies(*policy)
	o.policies, o.unc.list = ps, *policy
	if o.unc.objective = order.Objective(*objective); o.unc.objective != order.Mean && o.unc.objective != order.P95 {
		return o, fmt.Errorf("unknown --objective %q (want mean or p95)", *objective)
	}
	if n := o.unc.samples; n != 0 && n < 2 {
		return o, errFewSamples
	}
	if err != nil {
		if _, uerr := parseUncertainPolicies(*policy, true); uerr != nil {
			return o, err
		}
		o.policyErr = err
		o.unc.byName = true
	}
	return o, nil
}

// parsePolicies reads --order: one policy, "all", or a comma list of them.
func parsePolicies(list string) ([]order.Policy, error) {
	return policyList(list, func(name string) ([]order.Policy, error) {
		if name == "all" {
			return order.Policies, nil
		} else if p := order.Policy(name); slices.Contains(order.AllPolicies, p) {
			return []order.Policy{p}, nil
		}
		return nil, fmt.Errorf("unknown --order %q (want given, lif, sif, ltf, mitten, best or all, or a comma list of them)", name)
	})
}

// policyList reads a comma list of policy names, each expanded by lookup;
// a policy listed twice is an error.
func policyList(list string, lookup func(name string) ([]order.Policy, error)) ([]order.Policy, error) {
	var ps []order.Policy
	for _, name := range strings.Split(list, ",") {
		add, err := lookup(name)
		if err != nil {
			return nil, err
		}
		for _, p := range add {
			if slices.Contains(ps, p) {
				return nil, fmt.Errorf("--order %q lists %s twice", list, p)
			}
			ps = append(ps, p)
		}
	}
	return ps, nil
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
// keeps it readable and diffable. A workload with a limit adds
// "limit": {"kind": "semaphore", "k": 2} after "unit", and its best result
// "method": "exhaustive" or "search with bound".
func marshalResults(w *model.Workload, outs []order.Outcome, runtime string) []byte {
	u := unitOf(w)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"runtime\": %s, \"unit\": %s,", jsonString(runtime), jsonString(string(u)))
	b.WriteString(limitJSON(w))
	b.WriteString("\n \"results\": [")
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
		b.WriteString("], ")
		outcomeJSON(&b, w, o)
		b.WriteString("}")
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// outcomeJSON writes o's "makespan", "finish", the search "method" where
// it has one and, for best, "optimal"
// (and "lower_bound" when the search stopped at its limit).
func outcomeJSON(b *bytes.Buffer, w *model.Workload, o order.Outcome) {
	u := unitOf(w)
	fmt.Fprintf(b, "\"makespan\": %s, \"finish\": {", model.Format(o.Result.Makespan, u))
	for t, task := range w.Tasks {
		if t > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%s: %s", jsonString(task.Name), model.Format(o.Result.Finish[t], u))
	}
	b.WriteString("}")
	if o.Method != "" {
		fmt.Fprintf(b, ", \"method\": %s", jsonString(string(o.Method)))
	}
	if o.Optimal {
		b.WriteString(", \"optimal\": true")
	} else if o.Policy == order.Best {
		// The search stopped at its limit: report what is proven.
		fmt.Fprintf(b, ", \"optimal\": false, \"lower_bound\": %s", model.Format(o.LowerBound, u))
	}
}

// limitJSON is ` "limit": {"kind": K, "k": N},` for a limited workload,
// else empty.
func limitJSON(w *model.Workload) string {
	if !w.Limit.Bounded() {
		return ""
	}
	return fmt.Sprintf(" \"limit\": {\"kind\": %s, \"k\": %d},", jsonString(w.Limit.Kind.String()), w.Limit.K)
}

func jsonString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			// What encoding/json escapes; plain ASCII names (the usual
			// case, a million of them in a large workload) need no call.
			b, _ := json.Marshal(s) // a Go string always marshals (invalid UTF-8 becomes U+FFFD)
			return string(b)
		}
	}
	return `"` + s + `"`
}

func unitOf(w *model.Workload) model.Unit {
	if w.Unit == "" {
		return model.Second
	}
	return w.Unit
}
