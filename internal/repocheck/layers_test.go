package repocheck

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/gatherorder/gatherorder/"

// The imports run one way: model < order, oracle < props < experiments <
// cmd, and the shipped binary carries no test machinery (doc.go, "Layers").
func TestImportsRunOneWay(t *testing.T) {
	root := moduleRoot(t)
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		deps[strings.TrimPrefix(f[0], module)] = f[1:]
	}
	testMachinery := []string{"testing", "pgregory.net/rapid", "github.com/leanovate/gopter"}
	rules := []struct {
		pkg       string
		forbidden []string // import paths, or module-relative prefixes ending in "/"
		only      []string // if set, the module packages it may depend on
	}{
		{pkg: "model", only: []string{"internal/jsontok"}},
		{pkg: "order", only: []string{"model", "internal/jsontok"}},
		{pkg: "record", only: []string{"model", "internal/jsontok"}},
		{pkg: "oracle", forbidden: []string{"props", "order", "experiments/"}},
		{pkg: "props", forbidden: append([]string{"oracle", "experiments/"}, testMachinery...)},
		{pkg: "cmd/gatherorder", forbidden: testMachinery},
	}
	for _, r := range rules {
		ds, ok := deps[r.pkg]
		if !ok {
			t.Errorf("package %s not found by go list", r.pkg)
			continue
		}
		for _, d := range ds {
			rel, inModule := strings.CutPrefix(d, module)
			if r.only != nil && inModule && !slices.Contains(r.only, rel) {
				t.Errorf("%s depends on %s; it may depend only on %v of this module", r.pkg, rel, r.only)
			}
			for _, f := range r.forbidden {
				if d == f || (inModule && (rel == f || (strings.HasSuffix(f, "/") && strings.HasPrefix(rel, f)))) {
					t.Errorf("%s depends on %s, which lies above it or is test machinery", r.pkg, d)
				}
			}
		}
	}
	for pkg, ds := range deps {
		if strings.HasPrefix(pkg, "experiments/") || strings.HasPrefix(pkg, "cmd/") {
			continue
		}
		for _, d := range ds {
			if rel, ok := strings.CutPrefix(d, module); ok && (strings.HasPrefix(rel, "experiments/") || strings.HasPrefix(rel, "cmd/")) {
				t.Errorf("%s depends on %s", pkg, rel)
			}
		}
	}
	for pkg, ds := range deps {
		if !strings.HasPrefix(pkg, "experiments/") {
			continue
		}
		for _, d := range ds {
			if rel, ok := strings.CutPrefix(d, module); ok && strings.HasPrefix(rel, "cmd/") {
				t.Errorf("%s depends on %s", pkg, rel)
			}
		}
	}
}
