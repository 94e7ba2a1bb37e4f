package proofs_test

import (
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"pgregory.net/rapid"
)

// rapidCheck runs prop for checks seeded cases (gen.Check), so every run
// of the proofs' checks draws the same instances.
func rapidCheck(t *testing.T, checks int, prop func(*rapid.T)) {
	t.Helper()
	gen.Check(t, checks, 20040501, prop)
}
