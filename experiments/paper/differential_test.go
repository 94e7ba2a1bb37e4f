package main

import (
	"io"
	"testing"
)

// The fidelity section's claim, at test size: on the batch's workloads
// the model and CPython 3.11 (virtual clock) agree exactly, and the batch
// really compares something (tasks, steps, CPU segments).
func TestDifferentialBatchMatchesCPython(t *testing.T) {
	st, err := runDifferential(QuickDiff, io.Discard)
	if err != nil {
		t.Fatalf("%v (apt-get install python3)", err)
	}
	if st.Mismatches != 0 {
		t.Errorf("%d of %d workloads differ between the model and CPython", st.Mismatches, st.Workloads)
	}
	if st.Workloads != 2*QuickDiff.Workloads || st.Tasks == 0 || st.Steps == 0 || st.Segments == 0 {
		t.Errorf("batch compared too little: %+v", st)
	}
}
