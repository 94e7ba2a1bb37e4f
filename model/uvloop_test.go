package model_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	. "github.com/gatherorder/gatherorder/model"
)

// golden is one case of testdata/libuv_golden.json.
type golden struct {
	Name     string
	W        *Workload
	Finish   map[string][]Duration // by runtime: "asyncio", "uvloop", "node"
	Sections string
}

// readGolden reads testdata/libuv_golden.json: the runs that
// model/SEMANTICS.md §S14 and §S15 derive, with the CPython model's.
func readGolden(t *testing.T) []golden {
	t.Helper()
	data, err := os.ReadFile("testdata/libuv_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []struct {
			Name, Sections string
			Workload       json.RawMessage
			Finish         map[string][]json.Number
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&file); err != nil {
		t.Fatal(err)
	}
	var out []golden
	for _, c := range file.Cases {
		w, err := Parse(c.Name, c.Workload)
		if err != nil {
			t.Fatal(err)
		}
		g := golden{Name: c.Name, W: w, Sections: c.Sections, Finish: map[string][]Duration{}}
		for rt, fs := range c.Finish {
			for _, f := range fs {
				d, err := ParseDuration(f.String(), w.Unit)
				if err != nil {
					t.Fatalf("%s: %s: %v", c.Name, rt, err)
				}
				g.Finish[rt] = append(g.Finish[rt], d)
			}
		}
		out = append(out, g)
	}
	return out
}

// checkGolden runs every golden case on r and compares the finishes with
// the column col.
func checkGolden(t *testing.T, col string, r Runtime) {
	for _, g := range readGolden(t) {
		want, ok := g.Finish[col]
		if !ok {
			t.Fatalf("%s: no %s column", g.Name, col)
		}
		res := r.Simulate(g.W, nil)
		if fmt.Sprint(res.Finish) != fmt.Sprint(want) {
			t.Errorf("%s (%s) on %s: finish %v, want %v", g.Name, g.Sections, r, res.Finish, want)
		}
		var s Sim
		s.Runtime = r
		if u := s.Run(g.W, nil, false); fmt.Sprint(u.Finish) != fmt.Sprint(want) {
			t.Errorf("%s on %s untraced: finish %v, want %v", g.Name, r, u.Finish, want)
		}
	}
}

// The CPython column of the golden file is the base model's, so the
// file's workloads say what they claim to contrast.
func TestGoldenAsyncioColumnIsTheBaseModel(t *testing.T) { checkGolden(t, "asyncio", Runtime{}) }

// Reference: model/SEMANTICS.md §S14: every uvloop run of the golden file.
func TestUVLoopGolden(t *testing.T) { checkGolden(t, "uvloop", Runtime{Loop: UVLoop}) }
