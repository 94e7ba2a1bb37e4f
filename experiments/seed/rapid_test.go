package seed

import (
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"pgregory.net/rapid"
)

// checks is the number of rapid cases per property: 300 by default, 20,000
// under GATHERORDER_VERIFY=1 (make verify).
func checks() int { return verify.Pick(300, 20000) }

// rapidCheck runs prop for checks() seeded cases (gen.Check).
func rapidCheck(t *testing.T, prop func(*rapid.T)) {
	t.Helper()
	gen.Check(t, checks(), 3000000, prop)
}
