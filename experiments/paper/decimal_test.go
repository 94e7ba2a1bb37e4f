package main

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// roundDecimal agrees with exact rational rounding half up (math/big).
func TestRoundDecimalIsExactHalfUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringMatching(`[1-9][0-9]{0,5}\.[0-9]{0,16}|0\.[0-9]{1,16}|[0-9]`).Draw(t, "s")
		places := rapid.IntRange(0, 4).Draw(t, "places")
		got, err := roundDecimal(s, places)
		if err != nil {
			t.Fatal(err)
		}
		x, _ := new(big.Rat).SetString(s)
		scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
		x.Mul(x, scale).Add(x, big.NewRat(1, 2))
		q := new(big.Int).Quo(x.Num(), x.Denom()) // floor, x ≥ 0
		want := new(big.Rat).SetFrac(q, scale.Num()).FloatString(places)
		if got != want {
			t.Fatalf("roundDecimal(%q, %d) = %q, want %q", s, places, got, want)
		}
	})
	if _, err := roundDecimal("1e3", 2); err == nil {
		t.Error("exponent accepted")
	}
}

func TestCamelMakesLettersOnlyMacroNames(t *testing.T) {
	for in, want := range map[string]string{"httpx-shared-client": "HttpxSharedClient", "answer-sleep": "AnswerSleep", "n8": "NEight", "12": "OneTwo"} {
		if got := camel(in); got != want {
			t.Errorf("camel(%q) = %q, want %q", in, got, want)
		}
	}
}
