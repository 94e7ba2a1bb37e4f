package realclock

import "testing"

// Pairs keeps the workloads in the order of their first rows and leaves
// an order a workload lacks nil.
func TestPairsGroupsTheTwoOrdersOfEachWorkload(t *testing.T) {
	rows := []Row{{ID: 7, Policy: "sif"}, {ID: 3, Policy: "lif"}, {ID: 7, Policy: "lif"}, {ID: 3, Policy: "other"}}
	ps := Pairs(rows)
	if len(ps) != 2 || ps[0].ID != 7 || ps[1].ID != 3 {
		t.Fatalf("Pairs = %+v, want workloads 7 then 3", ps)
	}
	if ps[0].LIF != &rows[2] || ps[0].SIF != &rows[0] {
		t.Errorf("workload 7: %+v", ps[0])
	}
	if ps[1].LIF != &rows[1] || ps[1].SIF != nil {
		t.Errorf("workload 3: %+v, want no sif row", ps[1])
	}
}
