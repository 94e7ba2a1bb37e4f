package oracle_test

import (
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// drivers/node_driver.js speaks the real-clock protocol on Node.js 20.
func TestNodeDriverRuns(t *testing.T) { checkDriverRuns(t, oracle.StartNode, "node 20.") }

// Reference: model/SEMANTICS.md §S15: the golden Node.js runs, on the real
// Node.js at 25 ms per unit (the ms cases at 20 ms of CPU), with cpu steps
// that block (oracle.NodeConfig): the loop is blocked as by the busy wait,
// but a busy wait competes for a core, and on a loaded machine every cpu
// step then ends late by up to a scheduler slice, more than the tolerance
// over a whole case (experiments/libuvclock measures both).
func TestNodeGoldenOnTheRealClock(t *testing.T) {
	checkGoldenReal(t, func(repeat int) (*oracle.Real, error) {
		return oracle.StartNodeWith(oracle.NodeConfig{BlockCPU: true}, repeat)
	}, "node", model.Runtime{Loop: model.Node})
}
