package main

import (
	"strings"
	"testing"
)

func TestBadFlagsAreErrors(t *testing.T) {
	for _, args := range [][]string{{"-n", "0"}, {"-repeats", "x"}, {"extra"}, {"-summarize", "/nonexistent.csv"}} {
		if err := run(args, &strings.Builder{}, &strings.Builder{}); err == nil {
			t.Fatalf("%v accepted", args)
		}
	}
}
