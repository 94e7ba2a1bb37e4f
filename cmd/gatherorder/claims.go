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
  Checks every registered claim about gather orders with the exhaustive
  engine (every instance of a bounded scope), replays each counterexample
  on CPython 3.11, and runs the adversarial search for the worst ratio of
  each ordering rule to the optimum. quick (the default) takes well under a
  minute; full is what make verify runs. The random engines (rapid and
  gopter, over wider ranges) link Go's testing package, which this binary
  does not carry: go test ./props runs all three engines on every claim,
  and the paper's claims table reports them.`

// claims is `gatherorder claims`: the registry with computed verdicts.
func claims(args []string, stdin io.Reader, stdout io.Writer) error {
	flags := flag.NewFlagSet("claims", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	asJSON := flags.Bool("json", false, "print JSON")
	brief := flags.Bool("brief", false, "one line per claim")
	name := flags.String("budget", "quick", "quick or full")
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
	var cpython oracle.Replayer
	defer cpython.Close()
	vs := props.Evaluate(props.Options{Budget: b, Replay: cpython.Makespan})
	ratios := props.Adversary(b)
	var out []byte
	switch {
	case *asJSON:
		out = claimsJSON(b, vs, ratios)
	case *brief:
		out = claimsBrief(vs)
	default:
		out = claimsText(b, vs, ratios)
	}
	if _, err := stdout.Write(out); err != nil {
		return err
	}
	for _, v := range vs {
		if v.ReplayErr != "" {
			return fmt.Errorf("claim %s: counterexample not confirmed on CPython: %s", v.Claim.ID, oneLine(v.ReplayErr))
		}
	}
	return nil
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

func comparisons(f *props.Failure) []jsonComparison {
	var cs []jsonComparison
	for _, c := range f.Comparisons {
		u := c.W.Unit
		jc := jsonComparison{
			Label:    c.Label,
			Workload: model.Marshal(c.W),
			Order:    c.Names(),
			Makespan: json.RawMessage(model.Format(c.Makespan, u)),
			Measure:  c.Measure,
		}
		if c.Measure != "" {
			jc.Value = json.RawMessage(model.Format(c.Value, u))
		}
		if c.Replayed {
			jc.CPython = json.RawMessage(model.Format(c.CPython, u))
		}
		cs = append(cs, jc)
	}
	return cs
}

func claimsJSON(b props.Budget, vs []props.Result, ratios []props.WorstRatio) []byte {
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
		Budget      string  `json:"budget"`
		Claims      []claim `json:"claims"`
		WorstRatios []ratio `json:"worst_ratios"`
	}
	out.Budget = b.Name
	for _, v := range vs {
		c := claim{
			ID: v.Claim.ID, Statement: v.Claim.Statement, Class: v.Claim.Class.ID, ClassDoc: v.Claim.Class.Doc,
			Verdict: v.Verdict.String(), Test: v.Claim.Test, ReplayError: v.ReplayErr,
			Checked: checked{v.Exhaustive.String(), v.Exhaustive.Instances, v.Exhaustive.Violations},
		}
		if v.Counterexample != nil {
			c.Counterexample = &counter{v.Counterexample.Reason, v.Certified, comparisons(v.Counterexample)}
		}
		out.Claims = append(out.Claims, c)
	}
	for _, r := range ratios {
		out.WorstRatios = append(out.WorstRatios, ratio{r.Class, r.Heuristic, r.Ratio(), int64(r.Num), int64(r.Den), r.Evaluated, comparisons(r.Failure)})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err) // only plain data: cannot fail
	}
	return append(data, '\n')
}

// claimsBrief is one line per claim: verdict, id, and the evidence in a
// few words (what the exhaustive engine covered, or the counterexample).
func claimsBrief(vs []props.Result) []byte {
	var buf bytes.Buffer
	for _, v := range vs {
		ev := fmt.Sprintf("%d instances checked exhaustively, 0 violations", v.Exhaustive.Instances)
		if f := v.Counterexample; f != nil {
			ev = f.Reason
		}
		fmt.Fprintf(&buf, "%-7s %s: %s\n", strings.ToUpper(v.Verdict.String()), v.Claim.ID, ev)
	}
	return buf.Bytes()
}

func claimsText(b props.Budget, vs []props.Result, ratios []props.WorstRatio) []byte {
	var buf bytes.Buffer
	refuted := 0
	for _, v := range vs {
		if v.Verdict == props.Refuted {
			refuted++
		}
	}
	fmt.Fprintf(&buf, "gatherorder claims, budget %s: %d claims, %d hold within what was checked, %d refuted\n", b.Name, len(vs), len(vs)-refuted, refuted)
	buf.WriteString("engine: exhaustive enumeration (the random engines, rapid and gopter, run in `go test ./props` and the paper)\n")
	for _, v := range vs {
		fmt.Fprintf(&buf, "\n%s: %s\n  %s\n  class %s: %s\n", v.Claim.ID, strings.ToUpper(v.Verdict.String()), v.Claim.Statement, v.Claim.Class.ID, v.Claim.Class.Doc)
		fmt.Fprintf(&buf, "  exhaustive: %s\n", v.Exhaustive)
		if f := v.Counterexample; f != nil {
			how := "minimal (fewest tasks, then smallest total, then lexicographic) within the exhaustive scope"
			if v.Certified {
				how = "minimal (fewest tasks, then smallest total, then lexicographic), certified by the scope"
			}
			fmt.Fprintf(&buf, "  counterexample, %s: %s\n", how, f.Reason)
			writeComparisons(&buf, f)
		}
		if v.ReplayErr != "" {
			fmt.Fprintf(&buf, "  CPYTHON REPLAY FAILED: %s\n", oneLine(v.ReplayErr))
		}
	}
	buf.WriteString("\nworst ratio to the optimum found by the adversarial search (class/policy):\n")
	for _, r := range ratios {
		fmt.Fprintf(&buf, "  %-24s %d/%d = %.4f  %s\n", r.Class+"/"+r.Heuristic, r.Num, r.Den, r.Ratio(), oneLine(string(model.Marshal(r.Instance.W))))
	}
	return buf.Bytes()
}

// writeComparisons prints the workload once per distinct workload and the
// comparisons' timelines side by side.
func writeComparisons(buf *bytes.Buffer, f *props.Failure) {
	var blocks [][]string
	last := ""
	for _, c := range f.Comparisons {
		if w := string(model.Marshal(c.W)); w != last {
			fmt.Fprintf(buf, "    workload (%s): %s\n", c.Label, w)
			last = w
		}
		blocks = append(blocks, claimTimeline(c))
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
func claimTimeline(c props.Comparison) []string {
	r := model.Simulate(c.W, c.Order)
	u := c.W.Unit
	head := fmt.Sprintf("%s: %s = %s", c.Label, strings.Join(c.Names(), " "), model.Format(c.Makespan, u))
	if c.Measure != "" {
		head += fmt.Sprintf(", %s %s", c.Measure, model.Format(c.Value, u))
	}
	if c.Replayed {
		head += fmt.Sprintf(" (CPython %s)", model.Format(c.CPython, u))
	}
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
