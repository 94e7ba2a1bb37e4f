package main

import (
	"fmt"
	"regexp"
	"strings"
)

// mdToTeX converts the Markdown subset of proofs/*.md to LaTeX:
//
//	# Title, ## Section, ### Sub   \subsection, \subsubsection*, \paragraph
//	paragraphs                      separated by blank lines
//	- item / * item, 1. item        itemize, enumerate; indented lines continue the item
//	| a | b | tables                tabularx with X columns (the |---| rule is dropped)
//	$$ ... $$                       display math \[ ... \], on one line or several
//	$...$                           inline math, passed through
//	`code`                          \texttt, special characters escaped; a task
//	                                of the model's language (`cpu A_j; sleep L_j`)
//	                                as \texttt keywords with math arguments
//	[@key], [@a; @b]                \cite{key}, \cite{a,b} (keys of paper/refs.bib)
//	[@tbl:x]                        Table~\ref{tbl:x}
//	Table: caption {#tbl:x}         after a table: a floating table with that
//	                                caption (and label)
//	"quoted"                        ``quoted''
//	**bold**, *emphasis*            \textbf, \emph
//
// Text outside math and code has LaTeX's special characters escaped, and
// the few non-ASCII characters the proofs use are mapped (— to ---, – to
// --). Anything else it does not know (another non-ASCII character, an
// unclosed $ or `) is an error naming the line, so that a proof never
// reaches the paper garbled. label prefixes the \label of the title.
func mdToTeX(name, label, md string) (string, error) {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var out strings.Builder
	var para []string
	paraLine := 0
	inList := "" // "itemize" or "enumerate"
	var item []string
	itemLine := 0
	var errs []string
	inline := func(s string, line int) string {
		t, err := mdInline(s)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", name, line, err))
		}
		return t
	}
	afterDisplay := false // the last block was display math
	flushPara := func() {
		if len(para) > 0 {
			// A paragraph that goes on with the sentence of the display
			// before it (it starts in lower case) is not indented.
			if afterDisplay && para[0] != "" && para[0][0] >= 'a' && para[0][0] <= 'z' {
				out.WriteString(`\noindent `)
			}
			out.WriteString(inline(strings.Join(para, "\n"), paraLine) + "\n\n")
			para = nil
			afterDisplay = false
		}
	}
	flushItem := func() {
		if item != nil {
			out.WriteString("\\item " + inline(strings.Join(item, "\n"), itemLine) + "\n")
			item = nil
		}
	}
	endList := func() {
		flushItem()
		if inList != "" {
			out.WriteString("\\end{" + inList + "}\n\n")
			inList = ""
		}
	}
	startItem := func(kind, text string, ln int) {
		flushPara()
		if inList != kind {
			endList()
			out.WriteString("\\begin{" + kind + "}\n")
			inList = kind
		}
		flushItem()
		item, itemLine = []string{text}, ln
	}
	for i := 0; i < len(lines); i++ {
		ln := i + 1
		l := lines[i]
		trim := strings.TrimSpace(l)
		switch {
		case trim == "":
			flushPara()
			// A blank line inside a list ends the item, not the list,
			// unless what follows is not a list item or continuation.
			if inList != "" && (i+1 >= len(lines) || !isItem(lines[i+1]) && !isContinuation(lines[i+1])) {
				endList()
			}
		case strings.HasPrefix(l, "#"):
			flushPara()
			endList()
			afterDisplay = false
			level := len(l) - len(strings.TrimLeft(l, "#"))
			text := inline(strings.TrimSpace(l[level:]), ln)
			switch level {
			case 1:
				fmt.Fprintf(&out, "\\subsection{%s}\\label{%s}\n\n", text, label)
			case 2:
				fmt.Fprintf(&out, "\\subsubsection*{%s}\n\n", text)
			default:
				fmt.Fprintf(&out, "\\paragraph{%s}\n", text)
			}
		case inList != "" && isContinuation(l) && !isItem(l):
			item = append(item, trim)
		case isItem(l):
			kind, text := "itemize", ""
			if m := enumItem.FindStringSubmatch(l); m != nil {
				kind, text = "enumerate", m[1]
			} else {
				text = strings.TrimSpace(trim[2:])
			}
			startItem(kind, text, ln)
			afterDisplay = false
		case strings.HasPrefix(trim, "|"):
			flushPara()
			endList()
			afterDisplay = false
			var rows [][]string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				cells := splitRow(strings.TrimSpace(lines[i]))
				if tableRule.MatchString(strings.TrimSpace(lines[i])) {
					continue
				}
				for k := range cells {
					cells[k] = inline(cells[k], i+1)
				}
				rows = append(rows, cells)
			}
			// A caption, "Table: text" or "Table: text {#tbl:x}", may
			// follow after a blank line; the table then floats.
			caption, capLabel := "", ""
			if j := i; j+1 < len(lines) && strings.TrimSpace(lines[j]) == "" && strings.HasPrefix(lines[j+1], "Table: ") {
				j++
				capLine := j + 1
				text := strings.TrimPrefix(lines[j], "Table: ")
				for j+1 < len(lines) && strings.TrimSpace(lines[j+1]) != "" {
					j++
					text += "\n" + strings.TrimSpace(lines[j])
				}
				if m := tableLabel.FindStringSubmatch(text); m != nil {
					text, capLabel = strings.TrimSpace(m[1]), m[2]
				}
				caption = inline(text, capLine)
				i = j + 1
			}
			i--
			cols := len(rows[0])
			if caption != "" {
				out.WriteString("\\begin{table}[tbp]\\centering\\small\n")
			} else {
				out.WriteString("\\begin{center}\\small\n")
			}
			fmt.Fprintf(&out, "\\begin{tabularx}{\\linewidth}{%s}\n\\toprule\n", strings.Repeat(">{\\raggedright\\arraybackslash}X", cols))
			for r, cells := range rows {
				if len(cells) != cols {
					errs = append(errs, fmt.Sprintf("%s:%d: table row has %d cells, the header %d", name, ln+r, len(cells), cols))
				}
				out.WriteString(strings.Join(cells, " & ") + " \\\\\n")
				if r == 0 {
					out.WriteString("\\midrule\n")
				}
			}
			out.WriteString("\\bottomrule\n\\end{tabularx}\n")
			if caption != "" {
				out.WriteString("\\caption{" + caption + "}")
				if capLabel != "" {
					out.WriteString("\\label{" + capLabel + "}")
				}
				out.WriteString("\n\\end{table}\n\n")
			} else {
				out.WriteString("\\end{center}\n\n")
			}
		case strings.HasPrefix(trim, "$$"):
			flushPara()
			endList()
			body := strings.TrimPrefix(trim, "$$")
			for !strings.HasSuffix(body, "$$") {
				i++
				if i >= len(lines) {
					errs = append(errs, fmt.Sprintf("%s:%d: display math $$ is not closed", name, ln))
					body += "$$"
					break
				}
				body += "\n" + strings.TrimSpace(lines[i])
			}
			body = strings.TrimSuffix(body, "$$")
			out.WriteString("\\[" + strings.TrimSpace(body) + "\\]\n\n")
			afterDisplay = true
		default:
			if inList != "" {
				endList()
			}
			if len(para) == 0 {
				paraLine = ln
			}
			para = append(para, trim)
		}
	}
	flushPara()
	endList()
	if len(errs) > 0 {
		return "", fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return out.String(), nil
}

var (
	enumItem  = regexp.MustCompile(`^\d+\.\s+(.*)$`)
	tableRule = regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+$`)
	// tableLabel is a caption's trailing {#tbl:x}.
	tableLabel = regexp.MustCompile(`(?s)^(.*)\{#(tbl:[A-Za-z0-9:_-]+)\}\s*$`)
)

func isItem(l string) bool {
	return strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") && !strings.HasPrefix(l, "* *") || enumItem.MatchString(l)
}

func isContinuation(l string) bool {
	return len(l) > 0 && (l[0] == ' ' || l[0] == '\t') && strings.TrimSpace(l) != ""
}

// splitRow splits a table row on the | that are outside math and code.
func splitRow(row string) []string {
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	var cells []string
	var cur strings.Builder
	inMath, inCode := false, false
	for _, r := range row {
		switch {
		case r == '`' && !inMath:
			inCode = !inCode
		case r == '$' && !inCode:
			inMath = !inMath
		case r == '|' && !inMath && !inCode:
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// taskStep is one step of a task in the model's language, "cpu A_j" or
// "sleep (m+i)c": a kind and an argument that is a number or a formula.
var taskStep = regexp.MustCompile(`^(cpu|sleep|io) ([A-Za-z0-9_+\-*/()|{} ]+)$`)

// taskTeX sets a code span that is a task of the model's language,
// `cpu A; sleep L; cpu B`, with its keywords in typewriter type and its
// arguments as math, so that A_j reads $A_j$ and not A\_j. It reports false
// for any other code.
func taskTeX(code string) (string, bool) {
	var parts []string
	for _, st := range strings.Split(code, "; ") {
		m := taskStep.FindStringSubmatch(st)
		if m == nil {
			return "", false
		}
		parts = append(parts, `\texttt{`+m[1]+`}~$`+strings.TrimSpace(m[2])+`$`)
	}
	return strings.Join(parts, `\texttt{;} `), true
}

// citeKey is a key of paper/refs.bib or a table label (tbl:...).
var citeKey = regexp.MustCompile(`^@([A-Za-z0-9:_-]+)$`)

// citeTeX converts the inside of [@a; @b] (without the brackets) to
// ~\cite{a,b}, or [@tbl:x] to Table~\ref{tbl:x}.
func citeTeX(s string) (string, error) {
	var keys []string
	for _, k := range strings.Split(strings.TrimPrefix(s, "["), ";") {
		m := citeKey.FindStringSubmatch(strings.TrimSpace(k))
		if m == nil {
			return "", fmt.Errorf("citation [%s]: want [@key] or [@a; @b]", s)
		}
		keys = append(keys, m[1])
	}
	if strings.HasPrefix(keys[0], "tbl:") {
		if len(keys) > 1 {
			return "", fmt.Errorf("reference [%s]: one table at a time", s)
		}
		return `Table~\ref{` + keys[0] + `}`, nil
	}
	for _, k := range keys {
		if strings.HasPrefix(k, "tbl:") {
			return "", fmt.Errorf("citation [%s] mixes a table and a citation", s)
		}
	}
	return `~\cite{` + strings.Join(keys, ",") + `}`, nil
}

// citations returns the bibliography keys cited with [@key] in md (not the
// table references).
func citations(md string) []string {
	var out []string
	for _, m := range citeGroup.FindAllStringSubmatch(md, -1) {
		for _, k := range strings.Split(m[1], ";") {
			k = strings.TrimPrefix(strings.TrimSpace(k), "@")
			if !strings.HasPrefix(k, "tbl:") {
				out = append(out, k)
			}
		}
	}
	return out
}

var citeGroup = regexp.MustCompile(`\[(@[^\]]*)\]`)

// textRunes maps the non-ASCII characters the proofs use in text.
var textRunes = map[rune]string{'—': "---", '–': "--", '’': "'", '“': "``", '”': "''", '≤': `$\le$`, '≥': `$\ge$`, '→': `$\to$`, '×': `$\times$`, '…': `\ldots{}`, '≈': `$\approx$`}

// mathRunes maps the non-ASCII characters allowed in math.
var mathRunes = map[rune]string{'—': "-", '–': "-", '≤': `\le `, '≥': `\ge `, '→': `\to `, '×': `\times `, '…': `\dots `, '≈': `\approx `}

// mdInline converts one paragraph's inline markup.
func mdInline(s string) (string, error) {
	var b strings.Builder
	rs := []rune(s)
	bold, em := false, false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs) && strings.ContainsRune("`*$_\\", rs[i+1]):
			b.WriteString(texEscape(string(rs[i+1])))
			i++
		case r == '`':
			j := indexRune(rs, '`', i+1)
			if j < 0 {
				return "", fmt.Errorf("unclosed ` in %q", s)
			}
			if t, ok := taskTeX(string(rs[i+1 : j])); ok {
				b.WriteString(t)
			} else {
				b.WriteString(`\texttt{` + codeTeX(string(rs[i+1:j])) + `}`)
			}
			i = j
		case r == '[' && i+1 < len(rs) && rs[i+1] == '@':
			j := indexRune(rs, ']', i+1)
			if j < 0 {
				return "", fmt.Errorf("unclosed [@ in %q", s)
			}
			t, err := citeTeX(string(rs[i+1 : j]))
			if err != nil {
				return "", err
			}
			// A citation binds to the word before it.
			if strings.HasPrefix(t, "~") && strings.HasSuffix(b.String(), " ") {
				str := strings.TrimRight(b.String(), " ")
				b.Reset()
				b.WriteString(str)
			}
			b.WriteString(t)
			i = j
		case r == '"':
			// A straight double quote opens after a space, an opening
			// bracket or at the start, and closes anywhere else.
			if i == 0 || strings.ContainsRune(" \n([", rs[i-1]) {
				b.WriteString("``")
			} else {
				b.WriteString("''")
			}
		case r == '$':
			j := indexRune(rs, '$', i+1)
			if j < 0 {
				return "", fmt.Errorf("unclosed $ in %q", s)
			}
			var m strings.Builder
			for _, x := range rs[i+1 : j] {
				if x > 127 {
					t, ok := mathRunes[x]
					if !ok {
						return "", fmt.Errorf("character %q in math has no LaTeX mapping", x)
					}
					m.WriteString(t)
					continue
				}
				m.WriteRune(x)
			}
			b.WriteString("$" + m.String() + "$")
			i = j
		case r == '*' && i+1 < len(rs) && rs[i+1] == '*':
			if bold {
				b.WriteString("}")
			} else {
				b.WriteString(`\textbf{`)
			}
			bold = !bold
			i++
		case r == '*' && (em || i+1 < len(rs) && rs[i+1] != ' '):
			if em {
				b.WriteString("}")
			} else {
				b.WriteString(`\emph{`)
			}
			em = !em
		case r > 127:
			t, ok := textRunes[r]
			if !ok {
				return "", fmt.Errorf("character %q has no LaTeX mapping", r)
			}
			b.WriteString(t)
		default:
			b.WriteString(texEscape(string(r)))
		}
	}
	if bold || em {
		return "", fmt.Errorf("unclosed * or ** in %q", s)
	}
	return b.String(), nil
}

func indexRune(rs []rune, r rune, from int) int {
	for j := from; j < len(rs); j++ {
		if rs[j] == r {
			return j
		}
	}
	return -1
}

// texEscape escapes LaTeX's special characters in text.
func texEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '$', '&', '#', '_', '%':
			b.WriteString(`\` + string(r))
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '<':
			b.WriteString(`\textless{}`)
		case '>':
			b.WriteString(`\textgreater{}`)
		case '|':
			b.WriteString(`\textbar{}`)
		case '-':
			b.WriteString("-{}") // keep -- in code from becoming a dash
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeTeX escapes code for \texttt and lets LaTeX break a long identifier
// or path (typewriter type is never hyphenated): after / . ; , _ - and
// before each new word of a CamelCase name.
func codeTeX(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if i > 0 && r >= 'A' && r <= 'Z' && rs[i-1] >= 'a' && rs[i-1] <= 'z' {
			b.WriteString(`\allowbreak{}`)
		}
		b.WriteString(texEscape(string(r)))
		if i+1 < len(rs) && strings.ContainsRune("/.;,_-|", r) && rs[i+1] != ' ' {
			b.WriteString(`\allowbreak{}`)
		}
	}
	return b.String()
}
