package main

import (
	"testing"

	"github.com/gatherorder/gatherorder/props"
)

// The slowest order found on a class is at least every rule's order: the
// folded "any" entry is raised to the worst rule, and keeps its own ratio
// when it is already the worst.
func TestFoldAnyIsAtLeastEveryRule(t *testing.T) {
	in := &props.Instance{}
	rs := []props.WorstRatio{
		{Class: "c", Heuristic: "lif", Num: 11, Den: 9, Instance: in, Evaluated: 5},
		{Class: "c", Heuristic: "mitten", Num: 13, Den: 9, Instance: in, Evaluated: 5},
		{Class: "c", Heuristic: "any", Num: 17, Den: 12, Instance: in, Evaluated: 3},
		{Class: "d", Heuristic: "sif", Num: 3, Den: 2, Instance: in, Evaluated: 1},
		{Class: "d", Heuristic: "any", Num: 2, Den: 1, Instance: in, Evaluated: 1},
	}
	out := foldAny(rs)
	for _, a := range out {
		if a.Heuristic != "any" {
			continue
		}
		for _, r := range out {
			if r.Class == a.Class && better(r.Num, r.Den, a.Num, a.Den) {
				t.Errorf("%s: any %d/%d below %s %d/%d", a.Class, a.Num, a.Den, r.Heuristic, r.Num, r.Den)
			}
		}
	}
	if out[2].Num != 13 || out[2].Den != 9 || out[2].Evaluated != 13 {
		t.Errorf("class c: any = %d/%d over %d instances, want 13/9 over 13", out[2].Num, out[2].Den, out[2].Evaluated)
	}
	if out[4].Num != 2 || out[4].Den != 1 {
		t.Errorf("class d: any = %d/%d, want its own 2/1", out[4].Num, out[4].Den)
	}
	if rs[2].Num != 17 {
		t.Error("foldAny changed its input")
	}
}
