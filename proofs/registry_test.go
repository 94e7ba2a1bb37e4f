package proofs_test

// The link between the claim registry (package props) and the proofs: a
// claim the engines find to hold has a proof file proofs/<id>.md, and a
// proof file named after a claim is for a claim that holds.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/props"
	"github.com/gatherorder/gatherorder/props/pbt"
)

// theorems are the proof documents not named after a registered claim.
var theorems = map[string]bool{"README": true, "model-to-formula": true, "hardness": true, "bounds": true, "lower-bounds": true}

// proofFiles returns the base names (without .md) of the proof documents.
func proofFiles(t *testing.T) map[string]bool {
	t.Helper()
	ms, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range ms {
		out[strings.TrimSuffix(m, ".md")] = true
	}
	return out
}

// Every proof document is either one of the theorems or named after a
// registered claim (so a renamed claim cannot leave a stale proof behind).
func TestEveryProofFileIsATheoremOrARegisteredClaim(t *testing.T) {
	ids := map[string]bool{}
	for _, c := range props.Registry() {
		ids[c.ID] = true
	}
	for name := range proofFiles(t) {
		if !theorems[name] && !ids[name] {
			t.Errorf("%s.md is neither a theorem document nor named after a registered claim", name)
		}
	}
	for name := range theorems {
		if _, err := os.Stat(name + ".md"); err != nil {
			t.Errorf("theorem document %s.md is missing", name)
		}
	}
}

// The verdicts are computed here by the registry's engines (props.Check),
// never read from a table: every claim that holds has a proof, and every
// proof named after a claim is for one that holds.
func TestEveryClaimThatHoldsHasAProofAndNoOtherDoes(t *testing.T) {
	// The quick budget even under make verify: the props package's
	// claim-named tests pin every verdict at the full budget to the same
	// value, and re-deciding all of them here took longer than verify's
	// 90-minute timeout.
	b := props.Quick
	files := proofFiles(t)
	for _, c := range props.Registry() {
		v := props.Check(c, props.Options{Budget: b, Random: pbt.Engines()})
		switch {
		case v.Verdict == props.Holds && !files[c.ID]:
			t.Errorf("claim %s holds (budget %s) but has no proof file proofs/%s.md", c.ID, b.Name, c.ID)
		case v.Verdict != props.Holds && files[c.ID]:
			t.Errorf("proofs/%s.md proves claim %s, which the engines find %s (budget %s)", c.ID, c.ID, v.Verdict, b.Name)
		default:
			t.Logf("%s: %s, proof file: %v", c.ID, v.Verdict, files[c.ID])
		}
	}
}
