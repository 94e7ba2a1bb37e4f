package proofs_test

// Checks that the proofs' and the paper's prose says what the code finds:
// each rule below pairs a fact the tests compute with the words that state
// it, so that a text contradicting a computed fact fails here.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/props"
)

// worstLIFFractions is "$a/b$" (reduced) for each n in [lo, hi] with
// ratio(n) = (a, b), skipping b = 0.
func worstLIFFractions(lo, hi int, ratio func(n int) (int64, int64)) []string {
	var out []string
	for n := lo; n <= hi; n++ {
		a, b := ratio(n)
		if b == 0 {
			continue
		}
		g := a
		for x := b; x != 0; g, x = x, g%x {
		}
		out = append(out, fmt.Sprintf("$%d/%d$", a/g, b/g))
	}
	return out
}

// normalized is the text of a file with every run of white space turned
// into one space, so that phrases match across line breaks.
func normalized(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

// Each proof text states its computed facts, and none of the statements
// the facts contradict.
func TestProofTextsStateWhatTheChecksFind(t *testing.T) {
	for _, rule := range []struct {
		file      string
		fact      func() bool // computed here; the text is checked only if it holds
		must      []string
		mustNot   []string
		rationale string
	}{
		{
			file: "any-order-within-2x.md",
			fact: func() bool {
				w := &model.Workload{Unit: model.Nanosecond, Tasks: []model.Task{
					{Steps: []model.Step{{Kind: model.CPU, D: 1}}}, {Steps: []model.Step{{Kind: model.Sleep, D: 1}}}}}
				return model.Simulate(w, []int{0, 1}).Makespan == 2*model.Simulate(w, []int{1, 0}).Makespan
			},
			must:      []string{"attained"},
			mustNot:   []string{"never reached", "never attained"},
			rationale: "`cpu 1` then `sleep 1` takes exactly twice the optimum",
		},
		{
			file: "sif-worst-equal-cpu.md",
			fact: func() bool {
				// c = 0, waits 1 and 1: both released at 1, so the job at
				// position 1 has N = 2, not n - k' + 1 = 1.
				r, _ := releases([]model.Job{{A: 0, L: 1}, {A: 0, L: 1}}, []int{0, 1})
				return r[0] == r[1]
			},
			mustNot:   []string{"let $k' \\ge k$ be the last position with the same release; then $N = n - k' + 1$"},
			must:      []string{"Ties among the releases need $c = 0$"},
			rationale: "the count from the last tied position is wrong when earlier positions share the release",
		},
		{
			file:      "bounds.md",
			fact:      func() bool { return true },
			mustNot:   []string{"not kept in the repository"},
			rationale: "every number a proof quotes comes from a search or a computation in the repository",
		},
		{
			file: "lif-additive-equal-cpu.md",
			fact: func() bool { return true },
			// The worst ratios of TestLIFEqualCPUWorstRatioByExhaustiveSearch,
			// (2n + ⌊(n−1)/2⌋)/(2n) for n = 3..6.
			must:      worstLIFFractions(3, 6, func(n int) (int64, int64) { return int64(2*n + (n-1)/2), int64(2 * n) }),
			rationale: "the worst ratios quoted are those the exhaustive search of the repository computes",
		},
		{
			file: "lif-within-1.25x-equal-cpu.md",
			fact: func() bool { return true },
			must: worstLIFFractions(3, 9, func(n int) (int64, int64) {
				if n%2 == 0 {
					return 0, 0
				}
				l, o := props.FiveQuartersValues(n, 1)
				return int64(l), int64(o)
			}),
			rationale: "the family's ratios quoted are props.FiveQuartersValues's",
		},
	} {
		if !rule.fact() {
			t.Errorf("%s: the computed fact (%s) does not hold", rule.file, rule.rationale)
			continue
		}
		text := normalized(t, rule.file)
		for _, m := range rule.must {
			if !strings.Contains(text, m) {
				t.Errorf("%s does not say %q (%s)", rule.file, m, rule.rationale)
			}
		}
		for _, m := range rule.mustNot {
			if strings.Contains(text, m) {
				t.Errorf("%s says %q, but %s", rule.file, m, rule.rationale)
			}
		}
	}
}

// Earliest release first for 1|r_j|Cmax is folklore, the time-reversed
// image of Jackson's 1955 due-date rule for 1||Lmax; Jackson's report does
// not contain it. Every mention of Jackson next to the release-date rule in
// the files of the proofs, the registry and the paper's prose must say so.
func TestEarliestReleaseFirstIsNotAttributedToJackson(t *testing.T) {
	var files []string
	for _, pat := range []string{"*.md", "*.go", "../props/*.go", "../props/pbt/*.go", "../paper/sections/*.tex", "../paper/refs.bib", "../experiments/paper/*.go",
		"../model/*.go", "../order/*.go", "../experiments/seed/*.go", "../experiments/advisor/*.go", "../experiments/advisor/*.md"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	direct := regexp.MustCompile(`(?i)Jackson'?s?\s+(earliest[- ]release|release[- ]date)`)
	release := regexp.MustCompile(`(?i)earliest[- ]release|release[- ]date rule|release order|1\|r_j\|C`)
	qualified := regexp.MustCompile(`(?i)folklore|time-reversed|mirror|tails|due-date|Lmax|L_\{\\max\}`)
	sentence := regexp.MustCompile(`[.;]\s`)
	for _, f := range files {
		if strings.HasSuffix(f, "prooftext_test.go") {
			continue
		}
		text := normalized(t, f)
		for _, m := range direct.FindAllString(text, -1) {
			t.Errorf("%s attributes the release-date rule to Jackson: %q", f, m)
		}
		for _, sent := range sentence.Split(text, -1) {
			if strings.Contains(sent, "Jackson") && release.MatchString(sent) && !qualified.MatchString(sent) {
				t.Errorf("%s attributes the release-date rule to Jackson: %q", f, sent)
			}
		}
	}
}
