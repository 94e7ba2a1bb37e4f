package main

import (
	"strings"
	"unicode"
)

// idTeX is a claim id as \texttt content that may break only after a
// hyphen followed by a letter: never before a digit, so that no line of a
// table holds a lone "2" of "…-semaphore-2" that reads as a row of its own,
// and never inside "1.5x".
func idTeX(id string) string {
	var b strings.Builder
	rs := []rune(id)
	for i, r := range rs {
		b.WriteString(texEscape(string(r)))
		if r == '-' && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
			b.WriteString(`\allowbreak{}`)
		}
	}
	return b.String()
}

// statementTeX renders a claim's statement (plain text, as the CLI prints
// it) for the paper: `code` in \texttt, and the mathematics in math mode,
// where a hyphen between numbers or variables is a minus: "(n-1)c/2",
// "n = 2m+1", "4/3 - 1/(3k) = 7/6", "L + B", a lone variable "c". A word
// is mathematics when, stripped of unbalanced parentheses and trailing
// punctuation, it is a number, an operator, a variable (mathVars) or a
// term of numbers, variables and operators whose letter runs are at most
// two long ("2nc"); consecutive such words form one formula.
func statementTeX(s string) string {
	var b strings.Builder
	for i, seg := range strings.Split(s, "`") {
		if i%2 == 1 {
			b.WriteString(`\texttt{` + codeTeX(seg) + `}`)
			continue
		}
		b.WriteString(mathText(seg))
	}
	return b.String()
}

// mathVars are the single letters that a statement uses as variables; the
// article "a" is not one.
const mathVars = "cnkmiALB"

func mathText(s string) string {
	words := strings.Split(s, " ")
	var b strings.Builder
	inMath := false
	for i, w := range words {
		pre, core, post := splitWord(w)
		m := core != "" && isMath(core)
		if i > 0 {
			if inMath && m && pre == "" {
				b.WriteString(" ") // the formula goes on
			} else {
				if inMath {
					b.WriteString("$")
					inMath = false
				}
				b.WriteString(" ")
			}
		}
		if !m {
			b.WriteString(texEscape(w))
			continue
		}
		if !inMath {
			b.WriteString(texEscape(pre) + "$")
			inMath = true
		}
		b.WriteString(mathTeX(core))
		if post != "" {
			b.WriteString("$" + texEscape(post))
			inMath = false
		}
	}
	if inMath {
		b.WriteString("$")
	}
	return b.String()
}

// splitWord strips w's leading "(" that have no ")" in it and its
// trailing punctuation and unmatched ")".
func splitWord(w string) (pre, core, post string) {
	core = w
	for strings.HasPrefix(core, "(") && strings.Count(core, "(") > strings.Count(core, ")") {
		pre += "("
		core = core[1:]
	}
	for core != "" {
		last := core[len(core)-1]
		if strings.IndexByte(",.:;", last) >= 0 || (last == ')' && strings.Count(core, ")") > strings.Count(core, "(")) {
			post = string(last) + post
			core = core[:len(core)-1]
			continue
		}
		break
	}
	return pre, core, post
}

func isMath(w string) bool {
	if len(w) == 1 && strings.Contains(mathVars+"+-=<>×", w) {
		return true
	}
	if w == "×" {
		return true
	}
	digitOrOp, run := false, 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			run++
			if run > 2 {
				return false
			}
		case unicode.IsDigit(r) || strings.ContainsRune("+-/=<>()×", r):
			digitOrOp = digitOrOp || r != '(' && r != ')'
			run = 0
		case r == '.':
			run = 0
		default:
			return false
		}
	}
	return digitOrOp
}

// mathTeX is a formula's characters in math mode.
func mathTeX(w string) string {
	r := strings.NewReplacer("×", `\times `, "<", "<", ">", ">")
	return r.Replace(w)
}
