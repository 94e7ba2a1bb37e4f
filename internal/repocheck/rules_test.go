package repocheck

import (
	"fmt"
	"strings"
	"testing"
)

// fakeRepo is a small repository for the matcher's tests.
func fakeRepo() *Repo {
	md := map[string]string{
		"model/SEMANTICS.md": "# Title\n\n## S1. Scope\n\ntext\n\n## S3. One loop iteration\n",
		"proofs/hardness.md": "# Hardness\n\n## Lemmas\n",
		"README.md":          "# gatherorder\n",
	}
	files := []string{
		"README.md", "go.mod", "model/SEMANTICS.md", "model/doc.go", "model/loop.go",
		"proofs/hardness.md", "experiments/data/hop.csv", "experiments/paper/main.go",
		"cmd/gatherorder/simulate_test.go", "cmd/gatherorder/testdata/seed.json",
		"paper/generated/proofs.tex", "paper/refs.bib",
	}
	r := NewRepo(files, func(p string) []byte { return []byte(md[p]) })
	r.Ignored["paper/paper.pdf"] = true
	return r
}

// The names rule 1 and 2 forbid, assembled here so that this file does not
// itself cite them (no file is exempt from the check, doc.go).
var (
	designFile   = "DES" + "IGN.md"
	designNotes  = "design" + " notes"
	designDoc    = "design" + " document"
	seedsFolder  = "seeds" + "/"
	sharedFolder = "shared" + "/"
	localPath    = "/" + "work/x/000.txt"
	issueTwo     = "issue" + " 2"
	issueTwelve  = "Issue" + " #12"
)

// Each line breaks one rule; want is a part of the one finding.
func TestCheckLineFindsBrokenReferences(t *testing.T) {
	r := fakeRepo()
	for _, c := range []struct{ file, line, want string }{
		{"model/loop_test.go", `// Reference: ` + designFile + `, "the ntodo rule".`, `"` + designFile + `" is not in the repository`},
		{"model/loop_test.go", `// as the ` + designNotes + ` say`, `"` + designNotes + `" are not`},
		{"model/loop_test.go", `// see the ` + designDoc, `"` + designDoc + `" are not`},
		{"README.md", "In a thread (`" + sharedFolder + seedsFolder + "`), a programmer", `"` + sharedFolder + seedsFolder + `" is not`},
		{"paper/refs.bib", `howpublished = {copy in \texttt{` + seedsFolder + `000\_e19.txt}},`, `"` + seedsFolder + `000_e19.txt" is not`},
		{"experiments/seed/measurements.csv", `# thread (` + localPath + `: "title")`, `"` + localPath + `" is a local path`},
		{"model/bench_test.go", `// Target (` + issueTwo + `): under 1 µs.`, `"` + issueTwo + `" cannot be looked up`},
		{"model/bench_test.go", `// ` + issueTwelve + ` asks for this.`, `"` + issueTwelve + `" cannot`},
		{"model/doc.go", `// the rules of proofs/nosuch.md`, `proofs/nosuch.md: no such file`},
		{"README.md", "measured (`experiments/data/nohop.csv`)", `experiments/data/nohop.csv: no such file`},
		{"cmd/gatherorder/simulate_test.go", `// runs testdata/seed2.json`, `testdata/seed2.json: no such file`},
		{"model/loop.go", `// see doc2.go`, `doc2.go: no such file`},
		{"model/loop.go", `// model/SEMANTICS.md §S9 says so`, `§S9: model/SEMANTICS.md has no heading S9`},
		{"model/loop.go", `// Reference: model/doc.go §S1.`, `§S1: a § reference needs a Markdown file`},
		{"model/loop.go", `// Reference: §S3, step 5.`, `§S3 names no file`},
		{"model/SEMANTICS.md", `as §S7 says`, `§S7: model/SEMANTICS.md has no heading S7`},
		{"model/loop.go", `// (model/SEMANTICS.md §S1 to §S4)`, `§S4: model/SEMANTICS.md has no heading S4`},
		{"paper/sections/model.tex", `in \texttt{model/\allowbreak{}SEMANTIC.\allowbreak{}md}`, `model/SEMANTIC.md: no such file`},
		{"model/loop.go", `// cmd/gatherorder/nosuch holds it`, `cmd/gatherorder/nosuch: no such file`},
	} {
		fs := r.CheckLine(c.file, 7, c.line)
		if len(fs) != 1 || !strings.Contains(fs[0].Msg, c.want) || fs[0].File != c.file || fs[0].Line != 7 {
			t.Errorf("%s: %q: got %v, want one finding at line 7 containing %q", c.file, c.line, fs, c.want)
		}
	}
}

// Lines with references that resolve, and words that are not references.
func TestCheckLineAcceptsWhatResolvesAndWhatIsNoPath(t *testing.T) {
	r := fakeRepo()
	for _, c := range []struct{ file, line string }{
		{"model/loop.go", `// Reference: model/SEMANTICS.md §S3, step 5; model/doc.go.`},
		{"model/loop.go", `// model/SEMANTICS.md §S1 to §S3, and proofs/hardness.md §Lemmas`},
		{"model/loop.go", `// as SEMANTICS.md §S3 says (relative to the citing file)`},
		{"model/SEMANTICS.md", `as §S1 says, in ./proofs/hardness.md and ../README.md`},
		{"cmd/gatherorder/simulate_test.go", `// FuzzSimulate runs testdata/seed.json and testdata/*.json; the seeds run too`},
		{"experiments/paper/main.go", `// writes generated/proofs.tex and Dir/numbers.tex; name.pdf per figure`},
		{"README.md", "build `paper/paper.pdf` with `make paper`; see `cmd/gatherorder` and `proofs/`"},
		{"model/loop.go", `// import "github.com/gatherorder/gatherorder/model"; pgregory.net/rapid; gonum.org/v1/plot`},
		{"model/loop.go", `// https://github.com/python/cpython/tree/3.11/Lib/asyncio/nosuch.py`},
		{"model/loop.go", `// CPython's Lib/asyncio/base_events.py (BaseEventLoop._run_once), Modules/_heapqmodule.c`},
		{"model/trio.go", `// Trio's trio/_core/_run.py (Runner.unrolled_run), trio/_socket.py`},
		{"model/loop.go", `// base_events.py, selector_events.py and tasks.py; model.Result, props.Registry`},
		{"model/loop.go", `// I/O bound, read/write, model/CPython mismatch, 1/2, ns/op, <id>.md`},
		{"model/loop.go", `// a tissue 3 cm wide; the issue of equal deadlines; this is no design.`},
		{"paper/refs.bib", `\texttt{experiments/data/hop.csv}, \texttt{generated/proofs.tex}`},
		{"model/loop.go", `// /usr/bin/python3 and /tmp/x.json are absolute`},
	} {
		if fs := r.CheckLine(c.file, 1, c.line); len(fs) != 0 {
			t.Errorf("%s: %q: unexpected %v", c.file, c.line, fs)
		}
	}
}

// Of a Go file only the comments are read, with their own line numbers;
// no file is exempt, this package's own included.
func TestCheckFileReadsGoComments(t *testing.T) {
	r := fakeRepo()
	src := "package p\n\nvar s = \"" + designFile + " x.json\"\n\n/* a\n   issue" + " 4 */\n// nosuch.md\n"
	var got []string
	for _, f := range r.CheckFile("model/p.go", []byte(src)) {
		got = append(got, fmt.Sprintf("%d %s", f.Line, f.Msg[:min(len(f.Msg), 9)]))
	}
	if want := []string{`6 "` + "issue" + ` 4"`, `7 nosuch.md`}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if fs := r.CheckFile("internal/repocheck/rules.go", []byte("// "+designFile+", "+issueTwo+"\n")); len(fs) != 2 {
		t.Errorf("the package's own file is checked too: %v", fs)
	}
	if !Skipped("a/x.pdf", nil) || !Skipped("go.sum", nil) || !Skipped("a.bin", []byte("x\x00y")) || Skipped("a.md", []byte(designFile)) {
		t.Error("Skipped misclassifies")
	}
}
