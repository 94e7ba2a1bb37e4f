package main

import (
	"strings"
	"testing"
)

// The build check fails on a main text past page 16, a missing end label,
// an overfull box and an undefined reference, and passes a clean build.
func TestBuildCheckFindsLongMainTextAndBadBoxes(t *testing.T) {
	const ok = `\newlabel{main-end}{{9}{16}{Practical advice}{section.9}{}}`
	for _, c := range []struct{ aux, log, want string }{
		{ok, "Output written on paper.pdf (30 pages).\n", ""},
		{`\newlabel{main-end}{{9}{17}{Practical advice}{section.9}{}}`, "", "ends on page 17, after page 16"},
		{`\newlabel{other}{{1}{2}}`, "", "no label main-end"},
		{ok, "Overfull \\hbox (3.2pt too wide) in paragraph at lines 4--9\n", "Overfull \\hbox (3.2pt too wide)"},
		{ok, "LaTeX Warning: Reference `fig:x' on page 3 undefined on input line 7.\n", "Reference `fig:x'"},
		{ok, "LaTeX Warning: Citation `x' on page 1 undefined on input line 2.\n", "Citation `x'"},
	} {
		err := buildProblems("paper.aux", c.aux, "paper.log", c.log)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("clean build rejected: %v", err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("aux %q log %q: got %v, want %q", c.aux, c.log, err, c.want)
		}
	}
}
