package main

import (
	"fmt"
	"regexp"
	"strings"
)

// The paper's rule for numbers: every number the text quotes is a macro of
// numbers.tex, so that no result is typed by hand. lintNumbers checks a
// LaTeX source against this precise rule:
//
//  1. Comments (an unescaped % to the end of the line) are ignored.
//  2. The arguments of the commands in argSkip are ignored: references,
//     citations, labels, file names, package options, lengths, URLs, macro
//     definitions, code (\texttt, verbatim) and claim ids. An optional
//     argument [..] directly after any command (\\[2pt], \begin{figure}[t])
//     is ignored too.
//  3. In math ($..$, \(..\), \[..\] and the equation, align, gather and
//     multline environments), a digit sequence is allowed only as a sub- or
//     superscript (directly after _ or ^, or first in the braces after
//     them) or when it is exactly 0 or 1: indices and the structural
//     constants of formulas (n-1, x_0) are not results.
//  4. Anywhere else, any digit is a violation.
//
// It returns one message per violation, with the line number and the
// surrounding text.
func lintNumbers(name, src string) []string {
	var out []string
	l := &lexer{src: src}
	for l.pos < len(src) {
		c := src[l.pos]
		switch {
		case c == '%':
			l.skipLine()
		case c == '\\':
			l.command(&out, name)
		case c == '$':
			l.pos++
			end := "$"
			if strings.HasPrefix(src[l.pos:], "$") {
				l.pos++
				end = "$$"
			}
			l.math(&out, name, end)
		case c >= '0' && c <= '9':
			start := l.pos
			for l.pos < len(src) && (src[l.pos] >= '0' && src[l.pos] <= '9' || src[l.pos] == '.' && l.pos+1 < len(src) && src[l.pos+1] >= '0' && src[l.pos+1] <= '9') {
				l.pos++
			}
			out = append(out, l.report(name, start, src[start:l.pos], "a number in the text: use a macro of numbers.tex"))
		default:
			l.pos++
		}
	}
	return out
}

// argSkip lists the commands whose arguments are not text, with the number
// of brace groups to skip (-1: every group that follows).
var argSkip = map[string]int{
	"ref": 1, "eqref": 1, "autoref": 1, "pageref": 1, "label": 1, "nameref": 1,
	"cite": 1, "citep": 1, "citet": 1, "citeauthor": 1, "citeyear": 1, "nocite": 1,
	"input": 1, "include": 1, "includegraphics": 1, "bibliography": 1, "bibliographystyle": 1,
	"usepackage": -1, "documentclass": -1, "hypersetup": 1, "url": 1, "href": 1, "nolinkurl": 1,
	"newcommand": -1, "renewcommand": -1, "providecommand": -1, "newenvironment": -1, "newtheorem": -1,
	"setlength": -1, "addtolength": -1, "vspace": 1, "hspace": 1, "linespread": 1, "setcounter": -1,
	"texttt": 1, "claim": 1, "begin": 1, "end": 1, "multicolumn": 2, "arraystretch": 0,
	"tabularnewline": 0, "definecolor": -1,
}

// mathEnvs are the environments typeset in math mode.
var mathEnvs = map[string]bool{
	"equation": true, "equation*": true, "align": true, "align*": true, "gather": true,
	"gather*": true, "multline": true, "multline*": true, "displaymath": true,
}

type lexer struct {
	src string
	pos int
}

func (l *lexer) skipLine() {
	for l.pos < len(l.src) && l.src[l.pos] != '\n' {
		l.pos++
	}
}

// word reads a control word or symbol after the backslash at l.pos.
func (l *lexer) word() string {
	l.pos++ // the backslash
	start := l.pos
	for l.pos < len(l.src) && (l.src[l.pos] >= 'a' && l.src[l.pos] <= 'z' || l.src[l.pos] >= 'A' && l.src[l.pos] <= 'Z') {
		l.pos++
	}
	if l.pos == start && l.pos < len(l.src) {
		l.pos++ // a control symbol: \\, \%, \$, \[, ...
	}
	return l.src[start:l.pos]
}

// group skips a balanced {..} or [..] group at l.pos (after spaces), and
// returns its content; ok is false if none starts there.
func (l *lexer) group(open, close byte) (string, bool) {
	p := l.pos
	for p < len(l.src) && (l.src[p] == ' ' || l.src[p] == '\t') {
		p++
	}
	if p >= len(l.src) || l.src[p] != open {
		return "", false
	}
	depth := 0
	for i := p; i < len(l.src); i++ {
		switch l.src[i] {
		case '\\':
			i++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				l.pos = i + 1
				return l.src[p+1 : i], true
			}
		}
	}
	l.pos = len(l.src)
	return l.src[p+1:], true
}

func (l *lexer) command(out *[]string, name string) {
	w := l.word()
	switch w {
	case "(":
		l.math(out, name, `\)`)
		return
	case "[":
		l.math(out, name, `\]`)
		return
	case "%", "$":
		return
	}
	l.group('[', ']')
	if w == "begin" {
		env, _ := l.group('{', '}')
		l.group('[', ']')
		switch {
		case env == "tabular" || env == "tabularx" || env == "array":
			l.group('{', '}') // the column specification
		case env == "verbatim":
			if i := strings.Index(l.src[l.pos:], `\end{verbatim}`); i >= 0 {
				l.pos += i
			}
		case mathEnvs[env]:
			l.math(out, name, `\end{`+env+`}`)
		}
		return
	}
	n, ok := argSkip[w]
	if !ok {
		return
	}
	for i := 0; n < 0 || i < n; i++ {
		if _, ok := l.group('{', '}'); !ok {
			if _, ok := l.group('[', ']'); !ok {
				break
			}
		}
	}
}

// subsup matches a digit run that is a sub- or superscript: it follows _
// or ^, or _{ / ^{ (first in the braces).
var subsup = regexp.MustCompile(`[_^]\{?$`)

// math scans math mode up to end, reporting digit runs that are neither
// scripts nor 0 or 1.
func (l *lexer) math(out *[]string, name, end string) {
	for l.pos < len(l.src) {
		if strings.HasPrefix(l.src[l.pos:], end) {
			l.pos += len(end)
			return
		}
		c := l.src[l.pos]
		switch {
		case c == '\\':
			w := l.word()
			if n, ok := argSkip[w]; ok && w != "begin" && w != "end" {
				for i := 0; n < 0 || i < n; i++ {
					if _, ok := l.group('{', '}'); !ok {
						break
					}
				}
			}
		case c == '%':
			l.skipLine()
		case c >= '0' && c <= '9':
			start := l.pos
			for l.pos < len(l.src) && (l.src[l.pos] >= '0' && l.src[l.pos] <= '9' || l.src[l.pos] == '.' && l.pos+1 < len(l.src) && l.src[l.pos+1] >= '0' && l.src[l.pos+1] <= '9') {
				l.pos++
			}
			run := l.src[start:l.pos]
			if run == "0" || run == "1" || subsup.MatchString(l.src[max(0, start-2):start]) {
				continue
			}
			*out = append(*out, l.report(name, start, run, "a number in math that is not an index, 0 or 1: use a macro of numbers.tex"))
		default:
			l.pos++
		}
	}
}

func (l *lexer) report(name string, at int, run, why string) string {
	line := 1 + strings.Count(l.src[:at], "\n")
	from, to := max(0, at-30), min(len(l.src), at+len(run)+30)
	ctx := strings.Join(strings.Fields(l.src[from:to]), " ")
	return fmt.Sprintf("%s:%d: %q: %s (…%s…)", name, line, run, why, ctx)
}

// claimRef matches the paper's claim macro, \claim{id}.
var claimRef = regexp.MustCompile(`\\claim\{([^}]*)\}`)

// claimIDs returns the claim ids a source quotes with \claim{id}, outside
// comments.
func claimIDs(src string) []string {
	var ids []string
	for _, line := range strings.Split(src, "\n") {
		if i := unescapedPercent(line); i >= 0 {
			line = line[:i]
		}
		for _, m := range claimRef.FindAllStringSubmatch(line, -1) {
			ids = append(ids, m[1])
		}
	}
	return ids
}

func unescapedPercent(line string) int {
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '%' {
			return i
		}
	}
	return -1
}
