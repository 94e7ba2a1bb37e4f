package oracle

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// Interpreter is one CPython the driver can run on.
type Interpreter struct {
	// Path is the interpreter's own executable (sys.executable).
	Path string
	// Version is its full version, e.g. "3.12.1".
	Version string
	// Minor is its minor version: 12 for 3.12.1.
	Minor int
}

// PyenvVersions is the directory Interpreters searches: pyenv's own
// $PYENV_ROOT/versions, with pyenv's default root ~/.pyenv when
// PYENV_ROOT is unset (the machine image sets PYENV_ROOT to root's
// ~/.pyenv).
func PyenvVersions() string {
	root := os.Getenv("PYENV_ROOT")
	if root == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "/root"
		}
		root = filepath.Join(home, ".pyenv")
	}
	return filepath.Join(root, "versions")
}

// Interpreters lists the CPython interpreters under PyenvVersions() that
// the driver supports (3.8 to 3.13, model.MinMinor to model.MaxMinor),
// sorted by version; each is asked its version once per process. Entries
// that are not such an interpreter (other versions, other
// implementations, broken installs) are left out; a missing directory
// gives an empty list.
func Interpreters() ([]Interpreter, error) {
	dir := PyenvVersions()
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("oracle: %w", err)
	}
	var its []Interpreter
	for _, e := range ents {
		// Cheap filter first: pyenv names CPython installs by version.
		if m := minorOf(e.Name()); m < model.MinMinor || m > model.MaxMinor {
			continue
		}
		exe := filepath.Join(dir, e.Name(), "bin", "python3")
		if _, err := os.Stat(exe); err != nil {
			continue
		}
		if it, err := probeInterpreter(exe); err == nil {
			its = append(its, it)
		}
	}
	slices.SortFunc(its, func(a, b Interpreter) int {
		return cmp.Or(cmp.Compare(a.Minor, b.Minor), cmp.Compare(patchOf(a.Version), patchOf(b.Version)), cmp.Compare(a.Path, b.Path))
	})
	return its, nil
}

// InterpretersFor returns, for each minor version in minors, the newest
// interpreter of Interpreters() with that minor version, in the order of
// minors; if any is missing the error names every missing one and the
// directory searched.
func InterpretersFor(minors []int) ([]Interpreter, error) {
	its, err := Interpreters()
	if err != nil {
		return nil, err
	}
	out := make([]Interpreter, len(minors))
	var missing []string
	for k, m := range minors {
		found := false
		for _, it := range its {
			if it.Minor == m {
				out[k], found = it, true // sorted: the last one is the newest
			}
		}
		if !found {
			missing = append(missing, "3."+strconv.Itoa(m))
		}
	}
	if missing != nil {
		return nil, fmt.Errorf("oracle: no CPython %s under %s (install with `pyenv install`, or set PYENV_ROOT)", strings.Join(missing, ", "), PyenvVersions())
	}
	return out, nil
}

// patchOf is the patch number of "3.MINOR.PATCH" (-1 if there is none).
func patchOf(version string) int {
	f := strings.Split(version, ".")
	if len(f) < 3 {
		return -1
	}
	p, err := strconv.Atoi(f[2])
	if err != nil {
		return -1
	}
	return p
}
