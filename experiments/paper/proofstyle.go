package main

import (
	"regexp"
	"strings"
)

// paperStyle rewrites a proof document (proofs/*.md) for the paper's
// appendix, where it reads as a statement and its proof rather than as a
// file of the repository:
//
//   - a title that is a claim id is set as code (the id the paper cites);
//   - **Claim.** becomes **Theorem.**, and "Proof of the claim" "Proof of
//     the theorem";
//   - the marker **Status: proved** goes: "(a corollary of X)." becomes
//     "It is a corollary of X.", any other remainder "It is proved ...";
//   - every section whose heading starts with "Checks" is dropped (the
//     tests that check a proof's lemmas are the artifact appendix's table,
//     proofChecksTable);
//   - every section whose heading starts with "Reference" is dropped too:
//     the proofs cite the paper's bibliography with [@key] (mdInline), and
//     the list is there for the reader of the repository;
//   - "this file" and "this document" become "this section".
//
// The Markdown stays what the repository's checks read (internal/repocheck
// resolves references to its headings); only the paper's copy changes.
func paperStyle(md string) string {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var out []string
	skipping := false
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			level := len(l) - len(strings.TrimLeft(l, "#"))
			if level <= 2 {
				h := strings.TrimSpace(l[level:])
				skipping = level == 2 && (strings.HasPrefix(h, "Checks") || strings.HasPrefix(h, "Reference"))
			}
			if i == 0 && level == 1 {
				if t := strings.TrimSpace(l[1:]); claimTitle.MatchString(t) {
					l = "# `" + t + "`"
				}
			}
		}
		if skipping {
			continue
		}
		l = strings.Replace(l, "**Claim.**", "**Theorem.**", 1)
		l = strings.Replace(l, "Proof of the claim", "Proof of the theorem", 1)
		switch {
		case strings.HasPrefix(l, "**Status: proved.**"):
			l = strings.TrimSpace(strings.TrimPrefix(l, "**Status: proved.**"))
		case strings.HasPrefix(l, "**Status: proved**"):
			rest := strings.TrimPrefix(l, "**Status: proved**")
			if m := corollary.FindStringSubmatch(rest); m != nil {
				l = "It is a corollary of " + m[1] + "." + m[2]
			} else {
				l = "It is proved" + rest
			}
		}
		l = thisFile.ReplaceAllStringFunc(l, func(s string) string {
			if s[0] == 'T' {
				return "This section"
			}
			return "this section"
		})
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

var (
	claimTitle = regexp.MustCompile(`^[a-z0-9.-]+$`)
	corollary  = regexp.MustCompile(`^\s*\(a corollary of ([^)]*)\)\.(.*)$`)
	thisFile   = regexp.MustCompile(`\b[Tt]his (file|document)\b`)
)

// proofRefs replaces, in the TeX of a proof, each reference to a proof
// document (\texttt{name.md} as mdInline sets it) by a reference to its
// section of the appendix.
func proofRefs(tex string, names []string) string {
	for _, n := range names {
		code := `\texttt{` + codeTeX(n) + `}`
		tex = strings.ReplaceAll(tex, code, `Section~\ref{`+proofLabel(n)+`}`)
	}
	return tex
}

// paperRefs replaces, in the TeX of a proof, the repository's names that a
// reader of the paper does not have (the semantics document, Go
// identifiers, data files) by the paper's sections and figures that say
// the same, and sets subscripted variables inside code as math
// (cpu A_j: \texttt{cpu $A_j$}). The Markdown keeps the repository's names,
// which internal/repocheck resolves.
func paperRefs(tex string) string {
	for _, r := range repoNames {
		tex = strings.ReplaceAll(tex, r[0], r[1])
	}
	tex = semanticsSection.ReplaceAllStringFunc(tex, func(s string) string {
		if strings.Contains(s, "S17") {
			return `Section~\ref{sec:extensions}`
		}
		return `Section~\ref{sec:model}`
	})
	return codeSubscript.ReplaceAllString(tex, `$$${1}_${2}$$`)
}

const semanticsTeX = `\texttt{model/\allowbreak{}SEMANTICS.\allowbreak{}md}`

var (
	repoNames = [][2]string{
		{`sections S2 to S6 of ` + semanticsTeX, `Section~\ref{sec:model}`},
		{`. \texttt{model.\allowbreak{}Closed\allowbreak{}Form}`, `. The closed form of Section~\ref{sec:model}`},
		{`\texttt{model.\allowbreak{}Closed\allowbreak{}Form}`, `the closed form of Section~\ref{sec:model}`},
		{`(package \texttt{model})`, `(Section~\ref{sec:model})`},
		{`\texttt{paper/\allowbreak{}figures/\allowbreak{}worst-{}\allowbreak{}ratios.\allowbreak{}csv}`, `Figure~\ref{fig:worst}`},
		{`\texttt{order.\allowbreak{}Branch\allowbreak{}And\allowbreak{}Bound} prunes with two lower bounds (\texttt{order/\allowbreak{}doc.\allowbreak{}go})`, `The artifact's branch and bound (Section~\ref{sec:complexity}) prunes with two lower bounds`},
		{`1\textbar{}r\_j\textbar{}Cmax`, `$1|r_j|C_{\max}$`},
	}
	semanticsSection = regexp.MustCompile(regexp.QuoteMeta(semanticsTeX) + `, section S[0-9]+(\.[0-9]+)?`)
	codeSubscript    = regexp.MustCompile(`\b([A-Z])\\_\\allowbreak\{\}([a-z])\b`)
)
