package model_test

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/golden"
	. "github.com/gatherorder/gatherorder/model"
)

// checkGolden runs every golden case on r and compares the finishes with
// the column col.
func checkGolden(t *testing.T, col string, r Runtime) {
	cases, err := golden.Read("testdata/libuv_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range cases {
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
