package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The converter's rule (mdtex.go), construct by construct.
func TestMdToTeXConvertsTheProofSubset(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"# Title", `\subsection{Title}\label{L}`},
		{"## Checks", `\subsubsection*{Checks}`},
		{"a **bold** and *em* word", `a \textbf{bold} and \emph{em} word`},
		{"see `cpu 1; sleep_x` here", `see \texttt{cpu 1; sleep\_\allowbreak{}x} here`},
		{"`TestAB` and `a/b.md`", `\texttt{Test\allowbreak{}AB} and \texttt{a/\allowbreak{}b.\allowbreak{}md}`},
		{"math $a_1 \\le b$ stays", `math $a_1 \le b$ stays`},
		{"$$x = \\sum_j y_j .$$", `\[x = \sum_j y_j .\]`},
		{"$$a\n+ b$$", "\\[a\n+ b\\]"},
		{"$$x$$\n\nwhere x is 1.\n\n$$y$$\n\nThen y.", "\\[x\\]\n\n\\noindent where x is 1.\n\n\\[y\\]\n\nThen y."},
		{"- one\n  more\n- two", "\\begin{itemize}\n\\item one\nmore\n\\item two\n\\end{itemize}"},
		{"1. first\n2. second", "\\begin{enumerate}\n\\item first\n\\item second\n\\end{enumerate}"},
		{"| a | b |\n|---|---|\n| $x|y$ | `c` |", "X>{\\raggedright\\arraybackslash}X}\n\\toprule\na & b \\\\\n\\midrule\n$x|y$ & \\texttt{c} \\\\"},
		{"50% & #1 — done", `50\% \& \#1 --- done`},
		{"the task `cpu A_j; sleep (m+i)c; cpu 0` runs", "the task \\texttt{cpu}~$A_j$\\texttt{;} \\texttt{sleep}~$(m+i)c$\\texttt{;} \\texttt{cpu}~$0$ runs"},
		{"awaits `sleep(L)` in `_run_once`", `awaits \texttt{sleep(L)} in \texttt{\_\allowbreak{}run\_\allowbreak{}once}`},
		{`the "last" one, "x"`, "the ``last'' one, ``x''"},
		{"Jackson [@jackson1955] and [@yu2004; @mitten1959].", `Jackson~\cite{jackson1955} and~\cite{yu2004,mitten1959}.`},
		{"bounds ([@tbl:b]).", `bounds (Table~\ref{tbl:b}).`},
		{"| a |\n|---|\n| b |\n\nTable: The $x$ bounds. {#tbl:b}\n\nNext.", "\\begin{table}[tbp]\\centering\\small\n\\begin{tabularx}{\\linewidth}{>{\\raggedright\\arraybackslash}X}\n\\toprule\na \\\\\n\\midrule\nb \\\\\n\\bottomrule\n\\end{tabularx}\n\\caption{The $x$ bounds.}\\label{tbl:b}\n\\end{table}\n\nNext.\n\n"},
	} {
		got, err := mdToTeX("t.md", "L", c.md)
		if err != nil {
			t.Errorf("%q: %v", c.md, err)
			continue
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%q:\n got %q\nwant it to contain %q", c.md, got, c.want)
		}
	}
}

// What the converter does not know is an error naming the line, never
// garbled output.
func TestMdToTeXRejectsWhatItCannotConvert(t *testing.T) {
	for _, md := range []string{"a $x", "a `x", "**bold", "ünknown", "$$x", "| a | b |\n|---|---|\n| c |", "a [@x", "a [@x y]", "[@tbl:a; @b]"} {
		if _, err := mdToTeX("t.md", "L", "ok\n\n"+md); err == nil || !strings.Contains(err.Error(), "t.md:") {
			t.Errorf("%q: err = %v, want one naming t.md:line", md, err)
		}
	}
}

// Every proof of proofs/ converts, and the result compiles with pdflatex
// (when TeX is installed; the paper's build needs it anyway).
func TestEveryProofConvertsAndCompiles(t *testing.T) {
	files, _ := filepath.Glob("../../proofs/*.md")
	if len(files) == 0 {
		t.Fatal("no proofs/*.md")
	}
	var body strings.Builder
	for _, f := range files {
		if filepath.Base(f) == "README.md" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tex, err := mdToTeX(f, "proof:"+filepath.Base(f), string(b))
		if err != nil {
			t.Fatal(err)
		}
		body.WriteString(tex)
	}
	if _, err := exec.LookPath("pdflatex"); err != nil {
		// go test cannot install packages; make paper (scripts/setup.sh
		// --tex) does. Without TeX the conversion above is still checked;
		// CI, which installs TeX first, never skips the compile.
		if os.Getenv("CI") != "" {
			t.Fatal("pdflatex is missing: scripts/setup.sh --tex installs it")
		}
		t.Skip("pdflatex is missing, so the LaTeX compile is not checked here (make paper, or scripts/setup.sh --tex, installs TeX)")
	}
	dir := t.TempDir()
	doc := "\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{lmodern,amsmath,amssymb,booktabs,tabularx,array}\n\\begin{document}\n" + body.String() + "\\end{document}\n"
	os.WriteFile(filepath.Join(dir, "p.tex"), []byte(doc), 0o644)
	cmd := exec.Command("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "p.tex")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		log := string(out)
		if i := strings.Index(log, "\n!"); i >= 0 {
			log = log[i:min(len(log), i+800)]
		}
		t.Fatalf("pdflatex fails on the converted proofs: %v\n%s", err, log)
	}
}
