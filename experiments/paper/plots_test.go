package main

import (
	"strings"
	"testing"
)

// Tick labels are the shortest decimals: no "25.00" or "0.00" padding.
func TestTickLabelsHaveNoTrailingZeros(t *testing.T) {
	for _, r := range [][2]float64{{0, 25}, {0, 50}, {-1.2, 7.9}, {0, 0.9}, {0.001, 0.013}, {0, 1}} {
		for _, tk := range (shortTicks{}).Ticks(r[0], r[1]) {
			l := tk.Label
			if l == "" {
				continue
			}
			if strings.Contains(l, ".") && strings.HasSuffix(l, "0") || strings.HasSuffix(l, ".") || l == "-0" {
				t.Errorf("axis %v: label %q", r, l)
			}
		}
	}
	if got := shortDecimal(0.30000000000000004); got != "0.3" {
		t.Errorf("shortDecimal(0.1+0.2) = %q", got)
	}
}
