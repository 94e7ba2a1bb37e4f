package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// roundDecimal rounds a plain non-negative decimal string to the given
// number of fractional digits, half up, exactly (on the digits, never
// through floating point), keeping trailing zeros: ("7.0263855666", 2) →
// "7.03". The seed table's measured values carry up to 15 digits.
func roundDecimal(s string, places int) (string, error) {
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" || !digitsOnly(intPart) || !digitsOnly(frac) {
		return "", fmt.Errorf("%q is not a plain decimal number", s)
	}
	for len(frac) <= places {
		frac += "0"
	}
	digits := []byte(intPart + frac[:places])
	if frac[places] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	k := len(digits) - places
	if places == 0 {
		return string(digits), nil
	}
	return string(digits[:k]) + "." + string(digits[k:]), nil
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// pct formats a ratio-minus-one as a percentage with one decimal.
// Statistics are float64; the figure's CSV keeps four decimals.
func pct(x float64) string {
	s := strconv.FormatFloat(100*x, 'f', 1, 64)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}

// fix4 formats a float with four decimals, the precision of the CSV files
// (NaN, from an empty sample, is written as "nan").
func fix4(x float64) string {
	if math.IsNaN(x) {
		return "nan"
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}
