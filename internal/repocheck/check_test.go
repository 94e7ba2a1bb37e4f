package repocheck

import (
	"os"
	"path/filepath"
	"testing"
)

// moduleRoot is the repository's root, found from the test's directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := ModuleRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// Every reference in every tracked file resolves inside the repository
// (the rules of doc.go).
func TestEveryReferenceResolves(t *testing.T) {
	root := moduleRoot(t)
	files, err := TrackedFiles(root)
	if err != nil {
		t.Skipf("not a git work tree, nothing to check: %v", err)
	}
	fs, err := Check(root, files, func(p string) ([]byte, error) { return os.ReadFile(filepath.Join(root, p)) })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Error(f)
	}
}
