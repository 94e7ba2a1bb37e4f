package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The appendix reads as a paper: the proofs of the repository, converted,
// name no file, carry no status markers and no check lists, and refer to
// one another by section.
func TestProofsReadAsAPaper(t *testing.T) {
	dir := t.TempDir()
	o := &output{dir: dir}
	if err := proofsStep(o, &Numbers{}, "../../proofs"); err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`Status|[Tt]his (file|document)|\.md\b|md\}|_test\.go|\bTest[A-Z]|Checks`)
	for _, f := range o.files {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "%") {
				continue
			}
			// The model's specification is a document of the artifact,
			// cited as such; the proofs' own files are never named.
			plain := strings.NewReplacer(`\allowbreak{}`, "", `\_`, "_").Replace(l)
			if m := bad.FindString(strings.ReplaceAll(plain, "SEMANTICS.md", "")); m != "" {
				t.Errorf("%s:%d: %q in %q", f, i+1, m, l)
			}
		}
	}
}

func TestPaperStyleRewritesTheMarkers(t *testing.T) {
	in := "# lif-x\n\n**Claim.** S.\n\n**Status: proved** (a corollary of `a.md`).\n\n*Proof.* P. This file.\n\n## Proof of the claim\n\nQ.\n\n## Checks\n\n- `TestX`\n\n## References\n\n- J. R. Jackson, 1955.\n\n## Tightness\n\nT.\n"
	want := "# `lif-x`\n\n**Theorem.** S.\n\nIt is a corollary of `a.md`.\n\n*Proof.* P. This section.\n\n## Proof of the theorem\n\nQ.\n\n## Tightness\n\nT.\n"
	if got := paperStyle(in); got != want {
		t.Errorf("paperStyle:\n%s\nwant:\n%s", got, want)
	}
	if got := paperStyle("**Status: proved**, with c.\n"); got != "It is proved, with c.\n" {
		t.Errorf("status: %q", got)
	}
}

// The paper's proofs name the paper's sections, not the repository's
// files, and set subscripts in code as math.
func TestPaperRefsReplaceRepositoryNames(t *testing.T) {
	in := `(\texttt{model/\allowbreak{}SEMANTICS.\allowbreak{}md}, section S17.1) and sections S2 to S6 of \texttt{model/\allowbreak{}SEMANTICS.\allowbreak{}md}; \texttt{cpu A\_\allowbreak{}j; sleep L\_\allowbreak{}j}; 1\textbar{}r\_j\textbar{}Cmax`
	want := `(Section~\ref{sec:extensions}) and Section~\ref{sec:model}; \texttt{cpu $A_j$; sleep $L_j$}; $1|r_j|C_{\max}$`
	if got := paperRefs(in); got != want {
		t.Errorf("paperRefs:\n got %s\nwant %s", got, want)
	}
}

// Every citation of a proof is a key of the paper's bibliography, so that
// the appendix cites what the References of the paper list.
func TestProofCitationsAreBibliographyKeys(t *testing.T) {
	bib, err := os.ReadFile("../../paper/refs.bib")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^@\w+\{([^,]+),`).FindAllStringSubmatch(string(bib), -1) {
		keys[m[1]] = true
	}
	files, _ := filepath.Glob("../../proofs/*.md")
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range citations(string(b)) {
			n++
			if !keys[k] {
				t.Errorf("%s cites [@%s], which paper/refs.bib does not have", f, k)
			}
		}
	}
	if n == 0 {
		t.Error("no proof cites the bibliography: the check checks nothing")
	}
}
