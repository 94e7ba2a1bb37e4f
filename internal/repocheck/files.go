package repocheck

import (
	"bytes"
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Check returns the findings of the tracked files of the module at root;
// read gives a file's content. A reference that names no tracked file or
// directory still resolves when .gitignore names it as a build output
// (paper/paper.pdf); those are looked up in one call of git check-ignore,
// then the files are checked again.
func Check(root string, files []string, read func(p string) ([]byte, error)) ([]Finding, error) {
	data := map[string][]byte{}
	for _, f := range files {
		b, err := read(f)
		if err != nil {
			return nil, err
		}
		if !Skipped(f, b) {
			data[f] = b
		}
	}
	r := NewRepo(files, func(p string) []byte { return data[p] })
	byFile := map[string][]Finding{}
	var tried []string
	for _, f := range files {
		if b, ok := data[f]; ok {
			fs := r.CheckFile(f, b)
			byFile[f] = fs
			for _, x := range fs {
				tried = append(tried, x.tried...)
			}
		}
	}
	ign, err := ignoredPaths(root, tried)
	if err != nil {
		return nil, err
	}
	r.Ignored = ign
	var out []Finding
	for _, f := range files {
		fs := byFile[f]
		for _, x := range fs {
			if x.tried != nil && len(ign) > 0 {
				fs = r.CheckFile(f, data[f]) // again, with the build outputs
				break
			}
		}
		out = append(out, fs...)
	}
	return out, nil
}

// Skipped reports whether a tracked file is not text to check: binaries,
// figures, go.sum (module hashes) and .gitignore files (patterns, not
// references).
func Skipped(file string, data []byte) bool {
	switch path.Ext(file) {
	case ".svg", ".pdf", ".png":
		return true
	}
	switch path.Base(file) {
	case "go.sum", ".gitignore":
		return true
	}
	return bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
}

// CheckFile returns the findings of one file. Of a Go file only the
// comments are read: they are its prose, while its string literals are
// the code's own file names (temporary files, outputs), which running the
// code checks.
func (r *Repo) CheckFile(file string, data []byte) []Finding {
	var out []Finding
	if strings.HasSuffix(file, ".go") {
		for _, c := range goComments(data) {
			for i, l := range strings.Split(c.text, "\n") {
				out = append(out, r.CheckLine(file, c.line+i, l)...)
			}
		}
		return out
	}
	for i, l := range strings.Split(string(data), "\n") {
		out = append(out, r.CheckLine(file, i+1, l)...)
	}
	return out
}

type comment struct {
	line int
	text string
}

// goComments returns the comments of a Go source file with the line each
// starts on. Of a file that does not scan it returns the comments before
// the error, which the compiler reports.
func goComments(src []byte) []comment {
	fset := token.NewFileSet()
	f := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(f, src, nil, scanner.ScanComments)
	var out []comment
	for {
		pos, tok, lit := s.Scan()
		switch tok {
		case token.EOF:
			return out
		case token.COMMENT:
			out = append(out, comment{fset.Position(pos).Line, lit})
		}
	}
}

// ModuleRoot walks up from dir to the directory holding go.mod.
func ModuleRoot(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
	}
}

// TrackedFiles lists, sorted, the files of the work tree under root that
// belong to the repository: those git tracks and the new ones it does not
// ignore (so that a file is checked before its first commit), less those
// deleted from the work tree but not yet from the index.
func TrackedFiles(root string) ([]string, error) {
	out, err := git(root, nil, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	var files []string
	seen := map[string]bool{}
	for _, f := range strings.Split(string(out), "\x00") {
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		if _, err := os.Lstat(filepath.Join(root, f)); err == nil {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return files, nil
}

// ignoredPaths returns which of paths .gitignore marks as build outputs,
// in one call of git check-ignore.
func ignoredPaths(root string, paths []string) (map[string]bool, error) {
	ign := map[string]bool{}
	if len(paths) == 0 {
		return ign, nil
	}
	out, err := git(root, []byte(strings.Join(paths, "\n")+"\n"), "check-ignore", "--no-index", "--stdin")
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 1 {
		return ign, nil // none is ignored
	}
	if err != nil {
		return nil, err
	}
	for _, p := range strings.Fields(string(out)) {
		ign[p] = true
	}
	return ign, nil
}

func git(root string, stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil && errb.Len() > 0 {
		return out, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	return out, err
}
