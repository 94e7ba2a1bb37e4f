package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// macroValue returns the value of \newcommand{\name}{value} in numbers.tex
// of a generated paper directory.
func macroValue(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "numbers.tex"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\\newcommand\{\\` + name + `\}\{([^}]*)\}`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("numbers.tex defines no \\%s", name)
	}
	return string(m[1])
}

// The claims table calls a counterexample "minimal" only when the
// exhaustive engine certified it (ClaimsCertified counts those); a
// counterexample of the free-step-count class is minimal only up to its
// step bound and says so.
func TestClaimsTableCallsMinimalOnlyCertifiedCounterexamples(t *testing.T) {
	dir, _, err := quickRun()
	if err != nil {
		t.Fatal(err)
	}
	var tab []byte
	for _, f := range claimsTableFiles {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		tab = append(tab, b...)
	}
	certified, err := strconv.Atoi(macroValue(t, dir, "ClaimsCertified"))
	if err != nil {
		t.Fatal(err)
	}
	refuted, err := strconv.Atoi(macroValue(t, dir, "ClaimsRefuted"))
	if err != nil {
		t.Fatal(err)
	}
	minimal := strings.Count(string(tab), "refuted, minimal &")
	if minimal != certified {
		t.Errorf("the claims table calls %d counterexamples minimal, %d are certified minimal", minimal, certified)
	}
	if all := strings.Count(string(tab), "& refuted"); all != refuted {
		t.Errorf("the claims table has %d refuted rows, numbers.tex says %d", all, refuted)
	}
	if certified < refuted && !strings.Contains(string(tab), "steps per task") {
		t.Errorf("%d refuted claims are not certified minimal, but no row qualifies its minimality", refuted-certified)
	}
}

// The minimal counterexample to lif-optimal-unequal-cpu has tied waits and
// fails only through the stable tie-break; its caption says so and points
// to the least counterexample with distinct waits.
func TestTiedCounterexampleCaptionSaysItFailsOnlyThroughTheTieBreak(t *testing.T) {
	dir, _, err := quickRun()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "generated", "counterexamples.tex"))
	if err != nil {
		t.Fatal(err)
	}
	for _, fig := range strings.Split(string(b), "\\end{figure}") {
		if !strings.Contains(fig, `\label{fig:cex-lif-optimal-unequal-cpu}`) {
			continue
		}
		if !strings.Contains(fig, "only through the stable tie-break") || !strings.Contains(fig, `\ref{fig:cex-lif-optimal-unequal-cpu-distinct-waits}`) {
			t.Errorf("the caption of lif-optimal-unequal-cpu's counterexample does not say it fails through the tie-break:\n%s", fig)
		}
		return
	}
	t.Fatal("no counterexample figure for lif-optimal-unequal-cpu")
}
