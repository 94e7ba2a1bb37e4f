// Package repocheck enforces that every reference in the repository
// resolves inside the repository, so that a user of a clean clone can
// follow each one.
//
// Its test walks every file git tracks (git ls-files, from the module root
// found by walking up to go.mod), skipping binaries, SVG, PDF and PNG
// figures, go.sum and .gitignore files; of a Go file it reads only the
// comments. It fails, naming file:line, on
//
//  1. a name of something a user does not have: a design file, the notes
//     or the document it holds, the folders of archived seed
//     material and shared material that lie beside a working copy, or a
//     local absolute path under the machine's work, home or root
//     directories;
//  2. the number of a tracker entry ("issue" followed by a number):
//     tracker entries are not part of the repository, so a requirement is
//     cited by the file or section that states it;
//  3. a path that names no file or directory of the repository
//     (model/doc.go, proofs/hardness.md, experiments/data/hop.csv,
//     testdata/seed.json, SEMANTICS.md). A path is looked up relative to
//     the citing file's directory and each directory above it up to the
//     root, then as the tail of any tracked path (the paper's generator,
//     which works in paper/, cites generated/proofs.tex); a path that
//     .gitignore names as a build output (paper/paper.pdf) resolves too;
//  4. a § reference (model/SEMANTICS.md §S3) whose file is not Markdown or
//     has no heading with that id (the first word of a heading line,
//     without a trailing full stop: "## S3. One loop iteration"). A § names
//     a section of the last file cited before it on the same line
//     (model/SEMANTICS.md §S5 to §S7); in Markdown, with no file before
//     it, of the citing file.
//
// What counts as a path is kept narrow, so that prose and code do not
// trip the check: a word with a slash is a path if it ends in a known
// file extension (.go, .md, .csv, .json, .txt, .tex, .py, ...) or starts
// with a top-level directory of the repository and is spelled in lower
// case (cmd/gatherorder, proofs/); a word without a slash is a path only
// with one of those extensions other than .py and .c. Not paths are URLs,
// Go import paths and other words whose first segment is a host
// (github.com/..., pgregory.net/rapid), paths into the CPython source tree
// (Lib/asyncio/base_events.py, Modules/_heapqmodule.c) and the Trio source
// tree (trio/_core/_run.py), bare CPython
// module names (base_events.py), package-qualified identifiers
// (model.Result), globs and templates (testdata/*.json, <id>.md),
// capitalised words and placeholders (I/O, Dir/numbers.tex, name.pdf) and
// absolute paths. In .tex and .bib files LaTeX's \_, \allowbreak{} and -{}
// are undone first.
//
// No file is exempt, this package's own included: its rules are regular
// expressions that do not match themselves, and its tests assemble the
// names they must find at run time.
//
// # Layers
//
// TestImportsRunOneWay checks the direction of imports with go list: model
// depends on no other package of the module but the leaf internal/jsontok;
// order on model only; oracle neither on props, order nor experiments; props neither oracle nor experiments and
// no test machinery (testing, rapid, gopter); nothing below experiments
// imports experiments or cmd; and the shipped binary, cmd/gatherorder,
// links no package testing at all.
package repocheck
