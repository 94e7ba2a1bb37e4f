package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// MainTextPages is the most pages the main text may take: the label
// main-end, at the end of the last section before the bibliography, must
// be on this page or an earlier one.
const MainTextPages = 16

// checkBuild checks a LaTeX build of the paper in dir (paper.aux and
// paper.log, as latexmk leaves them): the main text ends by page
// MainTextPages, and the log reports no overfull box, no undefined
// reference or citation and no multiply defined label. It returns one
// error listing every failure.
func checkBuild(dir string) error {
	aux, err := os.ReadFile(filepath.Join(dir, "paper.aux"))
	if err != nil {
		return fmt.Errorf("check-build: %w (build the paper first)", err)
	}
	log, err := os.ReadFile(filepath.Join(dir, "paper.log"))
	if err != nil {
		return fmt.Errorf("check-build: %w (build the paper first)", err)
	}
	return buildProblems(filepath.Join(dir, "paper.aux"), string(aux), filepath.Join(dir, "paper.log"), string(log))
}

var (
	mainEndLabel = regexp.MustCompile(`\\newlabel\{main-end\}\{\{[^{}]*\}\{(\d+)\}`)
	logProblem   = regexp.MustCompile(`(?m)^(Overfull \\[hv]box.*|LaTeX Warning: (Reference|Citation) .* undefined.*|LaTeX Warning: Label .* multiply defined.*|LaTeX Warning: There were undefined references.*)$`)
)

// buildProblems is checkBuild on the files' contents.
func buildProblems(auxName, aux, logName, log string) error {
	var out []string
	if m := mainEndLabel.FindStringSubmatch(aux); m == nil {
		out = append(out, fmt.Sprintf("%s: no label main-end (the end of the main text)", auxName))
	} else if p, _ := strconv.Atoi(m[1]); p > MainTextPages {
		out = append(out, fmt.Sprintf("%s: the main text ends on page %d, after page %d", auxName, p, MainTextPages))
	}
	for _, m := range logProblem.FindAllString(log, -1) {
		out = append(out, fmt.Sprintf("%s: %s", logName, strings.TrimSpace(m)))
	}
	if len(out) > 0 {
		return fmt.Errorf("check-build: %s", strings.Join(out, "\n"))
	}
	return nil
}
