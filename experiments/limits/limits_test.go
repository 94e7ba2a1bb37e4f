package limits_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/experiments/limits"
	"github.com/gatherorder/gatherorder/model"
)

var small = limits.Config{MinN: 2, MaxN: 4, Ks: []int{1, 2}, Kinds: []model.LimitKind{model.Semaphore, model.Workers},
	Ratios: []limits.Ratio{{Num: 1, Den: 2}, {Num: 2, Den: 1}}, Instances: 20, Seed: 7, MaxIO: 50}

// Claim: the rows regenerate byte for byte; under k = 1 no order gains
// anything (model/SEMANTICS.md §S17.3: every order takes the sum of all
// durations); the best order's gain is at least LIF's; with k >= n the
// gains are the unbounded gather's, so equal for both kinds.
func TestLimitsRowsAreDeterministicAndConsistent(t *testing.T) {
	rows, err := limits.Run(small)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := limits.WriteCSV(&a, rows); err != nil {
		t.Fatal(err)
	}
	again, _ := limits.Run(small)
	if err := limits.WriteCSV(&b, again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs differ")
	}
	if got := strings.Count(a.String(), "\n"); got != 1+2*2*3*2 {
		t.Fatalf("%d lines", got)
	}
	byKey := map[[3]int]map[model.LimitKind]limits.Row{}
	for _, r := range rows {
		if r.K == 1 && (r.BestGain.Sign() != 0 || r.LIFGain.Sign() != 0 || r.Matters != 0) {
			t.Errorf("k = 1 %s n = %d: gains %s, %s, matters in %d", r.Kind, r.N, limits.Pct(r.BestGain), limits.Pct(r.LIFGain), r.Matters)
		}
		if r.BestGain.Cmp(r.LIFGain) < 0 {
			t.Errorf("%s k = %d n = %d: the best order gains less than LIF", r.Kind, r.K, r.N)
		}
		key := [3]int{r.K, r.N, int(r.Ratio.Num*10 + r.Ratio.Den)}
		if byKey[key] == nil {
			byKey[key] = map[model.LimitKind]limits.Row{}
		}
		byKey[key][r.Kind] = r
	}
	for key, m := range byKey {
		if key[0] >= key[1] && m[model.Semaphore].BestGain.Cmp(m[model.Workers].BestGain) != 0 {
			t.Errorf("k = %d >= n = %d: semaphore and workers differ", key[0], key[1])
		}
	}
}

func TestLimitsConfigIsValidated(t *testing.T) {
	bad := small
	bad.MaxN = limits.MaxN + 1
	if _, err := limits.Run(bad); err == nil {
		t.Error("n beyond MaxN accepted")
	}
	bad = small
	bad.Ks = []int{0}
	if _, err := limits.Run(bad); err == nil {
		t.Error("k = 0 accepted")
	}
}
