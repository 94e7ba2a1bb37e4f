package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"github.com/gatherorder/gatherorder/props"
)

func init() { commands["claims"] = claims }

const claimsUsage = `usage: gatherorder claims [--json|--brief] [--budget quick|full]
       [--runtime asyncio|uvloop|trio|node] [--python 3.MINOR] [--spawn S] [--ties T] [--replay-real [--block-cpu]]
  Checks every registered claim about gather orders with the exhaustive
  engine (every instance of a bounded scope), replays each counterexample
  on CPython 3.11, and runs the adversarial search for the worst ratio of
  each ordering rule to the optimum. quick (the default) takes well under a
  minute; full is what make verify runs. The random engines (rapid and
  gopter, over wider ranges) link Go's testing package, which this binary
  does not carry: go test ./props runs all three engines on every claim,
  and the paper's claims table reports them.

  --runtime (with --python, --spawn and --ties as for simulate) evaluates
  every claim under that runtime's model (props.Runtime): CPython variants
  at 1 ns per unit, replayed exactly on that CPython's virtual clock;
  uvloop and node at 20 ms per unit (libuv's clock counts milliseconds, so
  the verdicts are about workloads in whole multiples of 20 ms), replayed
  only with --replay-real, on the wall clock, median of 3 runs within 10 ms
  of the model (--block-cpu: Node's cpu steps block instead of spinning,
  which a loaded machine slows); trio reads every makespan as the exact expected makespan
  (the instance's integers as seconds), with at most 4 tasks per instance,
  replayed exactly over every coin path of the real Trio. The adversarial
  search runs on the base model only.`

// claims is `gatherorder claims`: the registry with computed verdicts.
func claims(args []string, stdin io.Reader, stdout io.Writer) error {
	flags := flag.NewFlagSet("claims", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	asJSON := flags.Bool("json", false, "print JSON")
	brief := flags.Bool("brief", false, "one line per claim")
	name := flags.String("budget", "quick", "quick or full")
	rtName := flags.String("runtime", "asyncio", "the runtime: "+runtimeNames)
	python := flags.String("python", "", "asyncio: the CPython version 3.8 to 3.13 (default 3.11)")
	spawn := flags.String("spawn", "", "asyncio: gather, taskgroup or eager (default gather)")
	ties := flags.String("ties", "", "equal deadlines: heapq or armed")
	replayReal := flags.Bool("replay-real", false, "replay the counterexamples of uvloop and node on the wall clock")
	blockCPU := flags.Bool("block-cpu", false, "with --replay-real on node: cpu steps block (Atomics.wait) instead of busy-waiting, which competes for a core with the machine's load")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			_, err := fmt.Fprintln(stdout, claimsUsage)
			return err
		}
		return fmt.Errorf("%s (usage: gatherorder claims [--json|--brief] [--budget quick|full])", oneLine(err.Error()))
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (usage: gatherorder claims [--json|--brief] [--budget quick|full])", flags.Arg(0))
	}
	b, ok := props.BudgetByName(*name)
	if !ok {
		return fmt.Errorf("unknown budget %q (want quick or full)", *name)
	}
	choice, err := parseRuntimeFlags(*rtName, *python, *spawn, *ties)
	if err != nil {
		return err
	}
	rt := props.Runtime{Sim: choice.rt, Trio: choice.trio}
	if *replayReal && !wallClockOnly(rt) {
		return fmt.Errorf("--replay-real is for --runtime uvloop and node; %s replays exactly on a virtual clock", realName(rt))
	}
	if *blockCPU && (!*replayReal || rt.Sim.Loop != model.Node || rt.Trio) {
		return fmt.Errorf("--block-cpu is for --runtime node with --replay-real")
	}
	if rt == (props.Runtime{}) {
		var cpython oracle.Replayer
		defer cpython.Close()
		vs := props.Evaluate(props.Options{Budget: b, Replay: cpython.Makespan})
		return writeClaims(stdout, claimsReport{b, rt, vs, props.Adversary(b), true}, *asJSON, *brief)
	}
	rep := claimsReport{budget: props.BudgetOn(b, rt), rt: rt}
	opts := props.Options{Budget: b, Runtime: rt}
	replayer := &oracle.RuntimeReplayer{Runtime: rt.Sim, Trio: rt.Trio, Real: *replayReal, NodeBlockCPU: *blockCPU}
	defer replayer.Close()
	if !wallClockOnly(rt) || *replayReal {
		opts.Replay, rep.replayed = replayer.Makespan, true
		if wallClockOnly(rt) {
			opts.Tolerance = realTolerance
		}
	}
	rep.results = props.Evaluate(opts)
	return writeClaims(stdout, rep, *asJSON, *brief)
}

// realTolerance is how far a wall-clock replay's median makespan may be
// from the model's: half of the 20 ms unit, the tolerance of the
// real-clock validation (model/SEMANTICS.md §S14.6).
const realTolerance = props.LibuvUnit / 2

// wallClockOnly reports whether r's counterexamples replay only on the
// wall clock: the libuv loops.
func wallClockOnly(r props.Runtime) bool { return !r.Trio && r.Sim.Loop != model.Asyncio }

// claimsReport is what `gatherorder claims` prints: the verdicts under a
// runtime, and the adversary's ratios on the base model.
type claimsReport struct {
	budget   props.Budget
	rt       props.Runtime
	results  []props.Result
	ratios   []props.WorstRatio
	replayed bool
}

func writeClaims(stdout io.Writer, r claimsReport, asJSON, brief bool) error {
	var out []byte
	switch {
	case asJSON:
		out = claimsJSON(r)
	case brief:
		out = claimsBrief(r)
	default:
		out = claimsText(r)
	}
	if _, err := stdout.Write(out); err != nil {
		return err
	}
	for _, v := range r.results {
		if v.ReplayErr != "" {
			return fmt.Errorf("claim %s: counterexample not confirmed on %s: %s", v.Claim.ID, realName(r.rt), oneLine(v.ReplayErr))
		}
	}
	return nil
}

// realName names the real runtime a counterexample replays on.
func realName(r props.Runtime) string {
	if r == (props.Runtime{}) {
		return "CPython"
	}
	return r.String()
}

// runtimeNote is the paragraph that says how the claims were read under
// a runtime other than the base model ("" for the base model).
func runtimeNote(r claimsReport) string {
	rt := r.rt
	if rt == (props.Runtime{}) {
		return ""
	}
	var s string
	switch {
	case rt.Trio:
		s = "runtime trio (Trio 0.22, arming-order ties): every makespan is the exact expected makespan (model.Trio.Distribution), every claim about makespans a claim about expected makespans; durations are the instances' integers read as seconds (Trio's model has no clock resolution, so the unit changes no verdict); at most 4 tasks per instance"
	case rt.Sim.Loop != model.Asyncio:
		s = fmt.Sprintf("runtime %s: the instances' integers are units of 20 ms (libuv's clock counts milliseconds, so the verdicts are about workloads in whole multiples of 20 ms); durations and makespans in ms", rt)
	default:
		s = fmt.Sprintf("runtime asyncio %s: the instances' integers are ns, as on the base model", rt)
	}
	switch {
	case r.replayed && wallClockOnly(rt):
		s += fmt.Sprintf("; counterexamples replayed on the wall clock, median of 3 runs within %s ms", model.Format(realTolerance, model.Millisecond))
	case r.replayed && rt.Trio:
		s += "; counterexamples replayed on the real Trio over every coin path (its exact expectation)"
	case r.replayed:
		s += "; counterexamples replayed exactly on that CPython's virtual clock"
	default:
		s += "; counterexamples not replayed (wall clock only: --replay-real)"
	}
	return s + "\n"
}

// jsonComparison is one self-contained side of a counterexample.
type jsonComparison struct {
	Label    string          `json:"label"`
	Workload json.RawMessage `json:"workload"`
	Order    []string        `json:"order"`
	Makespan json.RawMessage `json:"makespan"`
	Measure  string          `json:"measure,omitempty"`
	Value    json.RawMessage `json:"value,omitempty"`
	CPython  json.RawMessage `json:"cpython_makespan,omitempty"`
}

func comparisons(rt props.Runtime, f *props.Failure) []jsonComparison {
	var cs []jsonComparison
	for _, c := range f.Comparisons {
		jc := jsonComparison{
			Label:    c.Label,
			Workload: model.Marshal(rt.Display(c.W)),
			Order:    c.Names(),
			Makespan: json.RawMessage(rt.Format(c.Makespan)),
			Measure:  c.Measure,
		}
		if c.Measure != "" {
			jc.Value = json.RawMessage(rt.Format(c.Value))
		}
		if c.Replayed {
			jc.CPython = json.RawMessage(rt.Format(c.CPython))
		}
		cs = append(cs, jc)
	}
	return cs
}

func claimsJSON(rep claimsReport) []byte {
	b, vs, ratios := rep.budget, rep.results, rep.ratios
	type checked struct {
		Exhaustive          string `json:"exhaustive"`
		ExhaustiveInstances int64  `json:"exhaustive_instances"`
		Violations          int64  `json:"exhaustive_violations"`
	}
	type counter struct {
		Reason      string           `json:"reason"`
		Minimal     bool             `json:"minimal"`
		Comparisons []jsonComparison `json:"comparisons"`
	}
	type claim struct {
		ID             string   `json:"id"`
		Statement      string   `json:"statement"`
		Class          string   `json:"class"`
		ClassDoc       string   `json:"class_definition"`
		Verdict        string   `json:"verdict"`
		Test           string   `json:"test"`
		Checked        checked  `json:"checked"`
		Counterexample *counter `json:"counterexample,omitempty"`
		ReplayError    string   `json:"replay_error,omitempty"`
	}
	type ratio struct {
		Class       string           `json:"class"`
		Policy      string           `json:"policy"`
		Ratio       float64          `json:"ratio"`
		Makespan    int64            `json:"policy_makespan_ns"`
		Optimum     int64            `json:"optimum_ns"`
		Searched    int              `json:"instances_searched"`
		Comparisons []jsonComparison `json:"comparisons"`
	}
	var out struct {
		Runtime     string  `json:"runtime,omitempty"`
		Reading     string  `json:"reading,omitempty"`
		Budget      string  `json:"budget"`
		Claims      []claim `json:"claims"`
		WorstRatios []ratio `json:"worst_ratios,omitempty"`
	}
	out.Budget = b.Name
	if rep.rt != (props.Runtime{}) {
		out.Runtime, out.Reading = rep.rt.String(), strings.TrimSpace(runtimeNote(rep))
	}
	for _, v := range vs {
		c := claim{
			ID: v.Claim.ID, Statement: v.Claim.Statement, Class: v.Claim.Class.ID, ClassDoc: v.Claim.Class.Doc,
			Verdict: v.Verdict.String(), Test: v.Claim.Test, ReplayError: v.ReplayErr,
			Checked: checked{v.Exhaustive.String(), v.Exhaustive.Instances, v.Exhaustive.Violations},
		}
		if v.Counterexample != nil {
			c.Counterexample = &counter{v.Counterexample.Reason, v.Certified, comparisons(rep.rt, v.Counterexample)}
		}
		out.Claims = append(out.Claims, c)
	}
	for _, r := range ratios {
		out.WorstRatios = append(out.WorstRatios, ratio{r.Class, r.Heuristic, r.Ratio(), int64(r.Num), int64(r.Den), r.Evaluated, comparisons(props.Runtime{}, r.Failure)})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err) // only plain data: cannot fail
	}
	return append(data, '\n')
}

// claimsBrief is one line per claim: verdict, id, and the evidence in a
// few words (what the exhaustive engine covered, or the counterexample).
func claimsBrief(rep claimsReport) []byte {
	var buf bytes.Buffer
	buf.WriteString(runtimeNote(rep))
	for _, v := range rep.results {
		ev := fmt.Sprintf("%d instances checked exhaustively, 0 violations", v.Exhaustive.Instances)
		if f := v.Counterexample; f != nil {
			ev = f.Reason
		}
		fmt.Fprintf(&buf, "%-7s %s: %s\n", strings.ToUpper(v.Verdict.String()), v.Claim.ID, ev)
	}
	return buf.Bytes()
}

func claimsText(rep claimsReport) []byte {
	b, vs, ratios := rep.budget, rep.results, rep.ratios
	var buf bytes.Buffer
	refuted := 0
	for _, v := range vs {
		if v.Verdict == props.Refuted {
			refuted++
		}
	}
	fmt.Fprintf(&buf, "gatherorder claims, budget %s: %d claims, %d hold within what was checked, %d refuted\n", b.Name, len(vs), len(vs)-refuted, refuted)
	buf.WriteString("engine: exhaustive enumeration (the random engines, rapid and gopter, run in `go test ./props` and the paper)\n")
	buf.WriteString(runtimeNote(rep))
	for _, v := range vs {
		fmt.Fprintf(&buf, "\n%s: %s\n  %s\n  class %s: %s\n", v.Claim.ID, strings.ToUpper(v.Verdict.String()), v.Claim.Statement, v.Claim.Class.ID, v.Claim.Class.Doc)
		fmt.Fprintf(&buf, "  exhaustive: %s\n", v.Exhaustive)
		if f := v.Counterexample; f != nil {
			how := "minimal (fewest tasks, then smallest total, then lexicographic) within the exhaustive scope"
			if v.Certified {
				how = "minimal (fewest tasks, then smallest total, then lexicographic), certified by the scope"
			}
			fmt.Fprintf(&buf, "  counterexample, %s: %s\n", how, f.Reason)
			writeComparisons(&buf, rep.rt, f)
		}
		if v.ReplayErr != "" {
			fmt.Fprintf(&buf, "  %s REPLAY FAILED: %s\n", strings.ToUpper(realName(rep.rt)), oneLine(v.ReplayErr))
		}
	}
	if len(ratios) == 0 {
		return buf.Bytes()
	}
	buf.WriteString("\nworst ratio to the optimum found by the adversarial search (class/policy):\n")
	for _, r := range ratios {
		fmt.Fprintf(&buf, "  %-24s %d/%d = %.4f  %s\n", r.Class+"/"+r.Heuristic, r.Num, r.Den, r.Ratio(), oneLine(string(model.Marshal(r.Instance.W))))
	}
	return buf.Bytes()
}

// writeComparisons prints the workload once per distinct workload and the
// comparisons' timelines side by side.
func writeComparisons(buf *bytes.Buffer, rt props.Runtime, f *props.Failure) {
	var blocks [][]string
	last := ""
	for _, c := range f.Comparisons {
		if w := string(model.Marshal(rt.Display(c.W))); w != last {
			fmt.Fprintf(buf, "    workload (%s): %s\n", c.Label, w)
			last = w
		}
		if rt.Trio {
			// A distribution has no single timeline.
			fmt.Fprintf(buf, "    %s: %s, expected makespan %s%s\n", c.Label, strings.Join(c.Names(), " "), rt.Format(c.Makespan), replayedNote(rt, c))
			continue
		}
		blocks = append(blocks, claimTimeline(rt, c))
	}
	if len(blocks) == 0 {
		return
	}
	width := 0
	for _, bl := range blocks {
		for _, l := range bl {
			width = max(width, len([]rune(l)))
		}
	}
	for i := 0; ; i++ {
		more := false
		var line strings.Builder
		for _, bl := range blocks {
			s := ""
			if i < len(bl) {
				s, more = bl[i], true
			}
			line.WriteString(s + strings.Repeat(" ", width-len([]rune(s))+4))
		}
		if !more {
			break
		}
		fmt.Fprintf(buf, "    %s\n", strings.TrimRight(line.String(), " "))
	}
	buf.WriteString("    (# CPU work, - awaiting a timer or data, . ready but the loop is busy, _ CPU idle)\n")
}

// claimTimeline renders one comparison with simulate's timeline renderer
// (same axis rules and symbols, see timeline.go): a header, one row per
// task in gather order, and the CPU row.
func claimTimeline(rt props.Runtime, c props.Comparison) []string {
	r := rt.Sim.Simulate(c.W, c.Order)
	u, _ := rt.Unit()
	head := fmt.Sprintf("%s: %s = %s", c.Label, strings.Join(c.Names(), " "), rt.Format(c.Makespan))
	if c.Measure != "" {
		head += fmt.Sprintf(", %s %s", c.Measure, rt.Format(c.Value))
	}
	head += replayedNote(rt, c)
	lines := []string{head}
	ax := newAxis(max(r.Makespan, 1), u)
	const cpuLabel = "(cpu)"
	width := len(cpuLabel)
	for _, t := range c.W.Tasks {
		width = max(width, utf8.RuneCountInString(cut(t.Name, maxLabel)))
	}
	spans := taskSpans(&r)
	for _, t := range c.Order {
		lines = append(lines, fmt.Sprintf("%s |%s|", pad(cut(c.W.Tasks[t].Name, maxLabel), width), pad(ax.draw(spans[t]), ax.cols)))
	}
	lines = append(lines, fmt.Sprintf("%s |%s|", pad(cpuLabel, width), pad(ax.draw(cpuSpans(&r)), ax.cols)))
	return lines
}

// replayedNote is " (CPython M)" (or the runtime's name) for a replayed
// comparison, else "".
func replayedNote(rt props.Runtime, c props.Comparison) string {
	if !c.Replayed {
		return ""
	}
	return fmt.Sprintf(" (%s %s)", realName(rt), rt.Format(c.CPython))
}
