package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gatherorder/gatherorder/props"
)

// repoPaper is the paper directory of the repository, seen from this
// package's directory (go test runs in it).
const repoPaper = "../../paper"

// quickRun generates the paper once at test size into a temporary
// directory shared by the tests that only read the result (each quick run
// evaluates every claim: seconds).
func quickRun() (dir string, files []string, err error) {
	r := quickOnce()
	return r.dir, r.files, r.err
}

type quickResult struct {
	dir   string
	files []string
	err   error
}

var quickOnce = sync.OnceValue(func() quickResult {
	dir, err := os.MkdirTemp("", "paper-quick-")
	if err != nil {
		return quickResult{err: err}
	}
	quickDir = dir
	files, err := Generate(quickConfig(dir))
	return quickResult{dir, files, err}
})

// quickDir is removed after all tests.
var quickDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if quickDir != "" {
		os.RemoveAll(quickDir)
	}
	os.Exit(code)
}

func quickConfig(dir string) Config {
	return Config{Dir: dir, Wom: QuickWom,
		Data: "../../experiments/data", Scaling: QuickScaling, Heur: QuickHeur, Diff: QuickDiff, Runtimes: QuickRuntimes, Trio: QuickTrio, Uncertain: QuickUncertain, Limits: QuickLimits, ClaimsRuntimes: QuickClaimsRuntimes, Claims: props.Quick, Proofs: "../../proofs",
		ScalingCSV: filepath.Join(repoPaper, "data", "scaling_time.csv"), TargetsCSV: filepath.Join(repoPaper, "data", "make_targets.csv"), Progress: io.Discard}
}

// doc.go, "Determinism": two runs of the generator write the same files
// with the same bytes (figures, CSV, tables, numbers.tex).
func TestGeneratorIsByteIdentical(t *testing.T) {
	a, fa, err := quickRun()
	if err != nil {
		t.Fatal(err)
	}
	b := t.TempDir()
	fb, err := Generate(quickConfig(b))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(fa, fb) {
		t.Fatalf("file lists differ:\n%v\n%v", fa, fb)
	}
	for _, want := range []string{"figures/seed-gantt.pdf", "figures/seed-gantt.svg", "figures/seed-gantt.csv",
		"figures/where-order-matters.pdf", "figures/where-order-matters.svg", "figures/where-order-matters.csv",
		"figures/limits.pdf", "figures/limits.svg", "figures/limits.csv",
		"figures/libuvclock.pdf", "figures/libuvclock.svg", "figures/libuvclock.csv", "generated/libuvclock-table.tex",
		"figures/realclock.pdf", "figures/optimizer-scaling.pdf", "figures/worst-ratios.pdf",
		"figures/cex-lif-optimal-equal-cpu.pdf", "figures/cex-lif-optimal-equal-cpu.svg", "figures/cex-lif-optimal-equal-cpu.csv",
		"numbers.tex", "generated/seed-table.tex", "generated/claims-table.tex", "generated/counterexamples.tex",
		"generated/hop-table.tex", "generated/heuristics-table.tex", "generated/proofs.tex", "generated/proofs/hardness.tex",
		"generated/artifact-claims.tex", "generated/proof-checks.tex", "generated/claims-table-added.tex", "generated/readme-reproduce.md",
		"generated/claims-table-extensions.tex",
		"generated/claims-table-extensions-2.tex",
		"generated/runtimes-table.tex", "generated/readme-runtimes.md", "generated/trio-table.tex",
		"generated/claims-runtimes-table.tex", "generated/readme-claims-runtimes.md"} {
		if !slices.Contains(fa, want) {
			t.Errorf("generator does not write %s", want)
		}
	}
	for _, f := range fa {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

// Bad invocations exit 2 with one line on stderr.
func TestRunRejectsBadInvocations(t *testing.T) {
	for _, args := range [][]string{{"-dir", filepath.Join(t.TempDir(), "missing")}, {"extra"}, {"-nosuchflag"}} {
		var stderr bytes.Buffer
		if code := run(args, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if args[0] != "-nosuchflag" && strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%v: stderr is not one line: %q", args, stderr.String())
		}
	}
}
