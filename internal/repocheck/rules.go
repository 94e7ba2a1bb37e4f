package repocheck

import (
	"fmt"
	"regexp"
	"strings"
)

// Finding is one reference that does not resolve, at File:Line (1-based).
type Finding struct {
	File string
	Line int
	Msg  string
	// tried are the paths a missing file was looked up as, for the second
	// look-up among the build outputs (Check).
	tried []string
}

func (f Finding) String() string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Msg) }

// forbidden are the names of things a user of the repository does not
// have, most specific first; group 1 is the text reported.
var forbidden = []struct {
	re  *regexp.Regexp
	msg string
}{
	{regexp.MustCompile(`(?:^|[\s("'=\x60{])(/(?:work|home|root|Users)/[\w./-]*)`),
		"is a local path: cite the source by its title, or a file of the repository"},
	{regexp.MustCompile(`(?i)\b(design\.md)\b`),
		"is not in the repository: cite model/SEMANTICS.md §S<n>, or the file that holds the text"},
	{regexp.MustCompile(`(?i)\b(design[ \t]+(?:document|doc|notes))\b`),
		"are not in the repository: cite model/SEMANTICS.md §S<n>, or the file that holds the text"},
	{regexp.MustCompile(`(?i)(?:^|[^\w.-])((?:shared|seeds)/[\w./-]*)`),
		"is not in the repository: cite the thread by its title, authors and date"},
	{regexp.MustCompile(`(?i)\b(issues?[ \t]*#?[ \t]*[0-9]+)`),
		"cannot be looked up by a user of the repository: cite the file or section that states the requirement"},
}

var (
	// urlRE matches URLs, which are external.
	urlRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^\s)}>\]"'\x60]*`)
	// tokenRE matches a word that may be a path; spaces, quotes, brackets,
	// braces, backslashes, colons and commas end it.
	tokenRE = regexp.MustCompile(`[A-Za-z0-9_./*?$<>%~@+-]+`)
	// sectionRE matches a § reference, § directly followed by the
	// section's id (group 1).
	sectionRE = regexp.MustCompile(`§([A-Za-z0-9]+(?:\.[0-9]+)*)`)
	// lowerPathRE matches paths in the repository's spelling: its
	// directories are lower case.
	lowerPathRE = regexp.MustCompile(`^[a-z0-9_./-]+$`)
)

// exts are the extensions that make a word with a slash a file reference.
var exts = map[string]bool{
	"go": true, "md": true, "csv": true, "json": true, "txt": true, "tex": true, "bib": true,
	"cff": true, "sh": true, "svg": true, "pdf": true, "png": true, "mod": true, "sum": true,
	"py": true, "c": true, "yml": true, "yaml": true,
}

// bareExt reports whether a word without a slash and with extension ext
// is a file reference: identifiers (model.Result) have no such extension,
// and bare .py and .c names are CPython's modules (base_events.py,
// _heapqmodule.c), which are external.
func bareExt(ext string) bool { return exts[ext] && ext != "py" && ext != "c" }

// placeholders are the stems of file names that stand for any file
// (writes name.pdf; a row names its file.md).
var placeholders = map[string]bool{"name": true, "file": true, "x": true, "y": true, "foo": true, "bar": true}

// externalRoots are the top-level directories of the CPython source tree
// (Lib/asyncio/tasks.py, Modules/_heapqmodule.c) and of Trio's.
var externalRoots = map[string]bool{
	"Lib": true, "Modules": true, "Objects": true, "Python": true, "Include": true,
	"Doc": true, "Parser": true, "Tools": true,
	// Trio's source tree (trio/_core/_run.py), cited by model/SEMANTICS.md §S13;
	// the repository has no top-level trio directory.
	"trio": true,
}

// texNoise are LaTeX spellings inside file names that the check undoes
// (the paper's generator writes model/\allowbreak{}doc.\allowbreak{}go and
// model-{}\allowbreak{}to-{}...).
var texNoise = strings.NewReplacer(`\_`, "_", `\allowbreak{}`, "", `\allowbreak `, "", `-{}`, "-")

// CheckLine returns the findings of one line of file (its path in the
// repository).
func (r *Repo) CheckLine(file string, lineNo int, line string) []Finding {
	var out []Finding
	add := func(msg string) { out = append(out, Finding{File: file, Line: lineNo, Msg: msg}) }
	if strings.HasSuffix(file, ".tex") || strings.HasSuffix(file, ".bib") {
		line = texNoise.Replace(line)
	}
	var flagged [][2]int // spans reported by a forbidden rule
	overlaps := func(a, b int) bool {
		for _, s := range flagged {
			if a < s[1] && s[0] < b {
				return true
			}
		}
		return false
	}
	for _, f := range forbidden {
		for _, m := range f.re.FindAllStringSubmatchIndex(line, -1) {
			if overlaps(m[2], m[3]) {
				continue
			}
			flagged = append(flagged, [2]int{m[2], m[3]})
			add(fmt.Sprintf("%q %s", strings.TrimRight(line[m[2]:m[3]], "."), f.msg))
		}
	}
	line = urlRE.ReplaceAllStringFunc(line, func(s string) string { return strings.Repeat(" ", len(s)) })
	type cited struct {
		end   int
		files []string
	}
	var refs []cited // the files cited on the line, left to right
	for _, loc := range tokenRE.FindAllStringIndex(line, -1) {
		p, ok := r.candidate(line[loc[0]:loc[1]])
		if !ok || overlaps(loc[0], loc[1]) {
			continue
		}
		found, tried := r.resolve(file, p)
		if found == nil {
			add(p + ": no such file or directory in the repository")
			out[len(out)-1].tried = tried
			continue
		}
		refs = append(refs, cited{loc[1], found})
	}
	// A § names a section of the last file cited before it on the line
	// (model/SEMANTICS.md §S5 to §S7); in Markdown, with no file before
	// it, a section of the citing file.
	for _, m := range sectionRE.FindAllStringSubmatchIndex(line, -1) {
		id := line[m[2]:m[3]]
		var files []string
		for _, c := range refs {
			if c.end <= m[0] {
				files = c.files
			}
		}
		switch {
		case files != nil:
		case strings.HasSuffix(file, ".md"):
			files = []string{file}
		default:
			add(fmt.Sprintf("§%s names no file: write the file before it on the same line (model/SEMANTICS.md §%s)", id, id))
			continue
		}
		if msg := r.section(files, id); msg != "" {
			add(fmt.Sprintf("§%s: %s", id, msg))
		}
	}
	return out
}

// candidate reports whether the word tok is a reference to a file or a
// directory of the repository, and returns it without a leading ./ and
// trailing full stops.
func (r *Repo) candidate(tok string) (string, bool) {
	tok = strings.TrimRight(tok, ".")
	for strings.HasPrefix(tok, "./") {
		tok = tok[2:]
	}
	if tok == "" || strings.HasPrefix(tok, "/") || strings.ContainsAny(tok, "*?$<>%~@") {
		return "", false // absolute, a glob or a template
	}
	dir, last := "", tok
	if i := strings.LastIndex(tok, "/"); i >= 0 {
		dir, last = tok[:i], tok[i+1:]
	}
	stem, ext := last, ""
	if i := strings.LastIndex(last, "."); i > 0 {
		stem, ext = last[:i], last[i+1:]
	}
	if dir == "" && !strings.HasSuffix(tok, "/") {
		return tok, bareExt(ext) && !placeholders[stem]
	}
	first, _, _ := strings.Cut(tok, "/")
	switch {
	case externalRoots[first]:
		return "", false
	case strings.ToLower(first) != first && !r.Dirs[first]:
		return "", false // I/O, Dir/numbers.tex: prose or a placeholder
	case strings.Contains(first, ".") && !strings.HasPrefix(first, "."):
		return "", false // a host: github.com/..., pgregory.net/rapid
	case first == "..", exts[ext]:
		return tok, true
	case r.Dirs[first] && lowerPathRE.MatchString(tok):
		// A path into a top-level directory without an extension
		// (cmd/gatherorder, proofs/); model/CPython is prose.
		return tok, true
	}
	return "", false
}
