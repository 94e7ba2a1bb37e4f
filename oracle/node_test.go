package oracle_test

import (
	"testing"

	"github.com/gatherorder/gatherorder/oracle"
)

// drivers/node_driver.js speaks the real-clock protocol on Node.js 20.
func TestNodeDriverRuns(t *testing.T) { checkDriverRuns(t, oracle.StartNode, "node 20.") }

// Reference: model/SEMANTICS.md §S15: the golden Node.js runs, on the real
// Node.js at 25 ms per unit (the ms cases at 20 ms of CPU).
func TestNodeGoldenOnTheRealClock(t *testing.T) {
	checkGoldenReal(t, oracle.StartNode, "node", nil)
}
