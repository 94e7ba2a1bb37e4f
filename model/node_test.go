package model_test

import (
	"testing"

	. "github.com/gatherorder/gatherorder/model"
)

// Reference: model/SEMANTICS.md §S15: every Node.js run of the golden file.
func TestNodeGolden(t *testing.T) { checkGolden(t, "node", Runtime{Loop: Node}) }
