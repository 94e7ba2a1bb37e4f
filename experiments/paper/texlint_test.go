package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/props"
)

// The rule of lintNumbers (texlint.go), case by case.
func TestLintNumbersRule(t *testing.T) {
	for _, c := range []struct {
		src  string
		bad  int
		what string
	}{
		{`took \SeedLIFMakespan~s`, 0, "a macro"},
		{`took 7~s`, 1, "a bare number"},
		{`took 7.03~s`, 1, "a decimal is one violation"},
		{`see Section~\ref{sec:2} and \cite{jackson1955}`, 0, "references and citations"},
		{`\includegraphics[width=0.9\linewidth]{figures/seed-gantt.pdf}`, 0, "file names and options"},
		{`\begin{figure}[t] \begin{tabular}{p{3cm}l} x \end{tabular}\end{figure}`, 0, "placement and column spec"},
		{`% 42 in a comment`, 0, "comments"},
		{`50\% off`, 1, "an escaped percent is text"},
		{`$x_1 + x_{12} + e^{10} + n-1$`, 0, "indices, 0 and 1 in math"},
		{`$n \le 8$`, 1, "a bound in math"},
		{`\[ C = 2\,\mathrm{OPT} \]`, 1, "display math"},
		{"\\begin{align} a &= 3 \\end{align}", 1, "math environments"},
		{`\texttt{asyncio.sleep(0)} and \claim{any-order-within-2x}`, 0, "code and claim ids"},
		{`\newcommand{\foo}[1]{#1}`, 0, "macro definitions"},
		{`line\\[4pt] next`, 0, "optional arguments of commands"},
		{`\section{Results for 3 tasks}`, 1, "section titles are text"},
	} {
		if got := lintNumbers("t.tex", c.src); len(got) != c.bad {
			t.Errorf("%s: %q: %d violations %v, want %d", c.what, c.src, len(got), got, c.bad)
		}
	}
}

func paperSources(t *testing.T) map[string]string {
	files, err := filepath.Glob(filepath.Join(repoPaper, "*.tex"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join(repoPaper, "sections", "*.tex"))
	srcs := map[string]string{}
	for _, f := range append(files, more...) {
		if filepath.Base(f) == "numbers.tex" {
			continue // generated: its numbers are the macros' values
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = string(b)
	}
	if len(srcs) == 0 {
		t.Fatalf("no paper sources under %s", repoPaper)
	}
	return srcs
}

// The paper quotes no number that is not a macro of numbers.tex (the rule
// of lintNumbers, texlint.go). Applies to paper/*.tex and
// paper/sections/*.tex; generated files (numbers.tex, generated/) are
// written by this generator.
func TestPaperQuotesNoBareNumbers(t *testing.T) {
	for f, src := range paperSources(t) {
		for _, v := range lintNumbers(f, src) {
			t.Error(v)
		}
	}
}

// Every number macro the paper uses is one the generator defines. Number
// macros are the control words that start with an upper-case letter,
// except LaTeX's own.
func TestPaperUsesOnlyDefinedNumbers(t *testing.T) {
	dir, _, err := quickRun()
	if err != nil {
		t.Fatal(err)
	}
	nums, err := os.ReadFile(filepath.Join(dir, "numbers.tex"))
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, name := range latexUpper {
		defined[name] = true
	}
	def := regexp.MustCompile(`\\newcommand\{\\([A-Za-z]+)\}`)
	for _, m := range def.FindAllSubmatch(nums, -1) {
		defined[string(m[1])] = true
	}
	srcs := paperSources(t)
	for _, src := range srcs { // the paper's own macros (\LIF, \claim, ...)
		for _, m := range def.FindAllStringSubmatch(src, -1) {
			defined[m[1]] = true
		}
	}
	use := regexp.MustCompile(`\\([A-Z][A-Za-z]*)`)
	for f, src := range srcs {
		reported := map[string]bool{}
		for _, line := range strings.Split(src, "\n") {
			if i := unescapedPercent(line); i >= 0 {
				line = line[:i]
			}
			for _, m := range use.FindAllStringSubmatch(line, -1) {
				if !defined[m[1]] && !reported[m[1]] {
					reported[m[1]] = true
					t.Errorf("%s: \\%s is not defined by numbers.tex", f, m[1])
				}
			}
		}
	}
}

// latexUpper are LaTeX's own control words (and the url package's) that
// start with an upper-case letter and may appear in the paper.
var latexUpper = strings.Fields(`LaTeX TeX S P Huge Large LARGE Big Bigl Bigr Bigg Biggl Biggr
	Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega Leftarrow Rightarrow Leftrightarrow
	UrlBreaks DeclareUrlCommand`)

// The paper quotes no claim id that the registry lacks: every \claim{id}
// of the paper names a claim of props.Registry.
func TestPaperQuotesOnlyRegisteredClaims(t *testing.T) {
	known := map[string]bool{}
	for _, c := range props.Registry() {
		known[c.ID] = true
	}
	if len(known) == 0 {
		t.Fatal("props.Registry() is empty")
	}
	for f, src := range paperSources(t) {
		for _, id := range claimIDs(src) {
			if !known[id] {
				t.Errorf("%s: \\claim{%s} is not in the claim registry (props.Registry)", f, id)
			}
		}
	}
}

func TestClaimIDsIgnoresComments(t *testing.T) {
	got := claimIDs("see \\claim{a-b} % and \\claim{c}\n50\\% \\claim{d}")
	if strings.Join(got, ",") != "a-b,d" {
		t.Fatalf("claimIDs = %v, want [a-b d]", got)
	}
}
