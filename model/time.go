package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Duration is an exact span or instant of model time in integer nanoseconds.
// Model time never uses floating point: durations are parsed from decimal
// text digit by digit and every sum is checked for overflow.
type Duration int64

// Unit is the time unit a workload is written in.
type Unit string

// The units a workload may use.
const (
	Second      Unit = "s"
	Millisecond Unit = "ms"
	Microsecond Unit = "us"
	Nanosecond  Unit = "ns"
)

// Nanos returns the number of nanoseconds in one u, or 0 if u is unknown.
func (u Unit) Nanos() int64 {
	switch u {
	case Second, "":
		return 1e9
	case Millisecond:
		return 1e6
	case Microsecond:
		return 1e3
	case Nanosecond:
		return 1
	}
	return 0
}

// digits returns the number of decimal fractional digits one u can carry
// without losing nanosecond exactness (9 for s, 0 for ns).
func (u Unit) digits() int {
	n := 0
	for p := u.Nanos(); p > 1; p /= 10 {
		n++
	}
	return n
}

// ErrOverflow is returned when a duration or a sum of durations does not fit
// in an int64 count of nanoseconds (about 292 years).
var ErrOverflow = errors.New("duration overflows int64 nanoseconds")

// ParseDuration parses a non-negative decimal number written in unit u
// ("1", "0.5", "1.25e3" is rejected: no exponents) into exact nanoseconds.
// It fails, rather than rounds, when the text has more fractional digits
// than one nanosecond allows in u, and reports overflow as ErrOverflow.
func ParseDuration(text string, u Unit) (Duration, error) {
	scale := u.Nanos()
	if scale == 0 {
		return 0, fmt.Errorf("unknown unit %q (want s, ms, us or ns)", string(u))
	}
	if text == "" {
		return 0, errors.New("empty duration")
	}
	if text[0] == '-' {
		if strings.Trim(text[1:], "0.") == "" {
			return 0, fmt.Errorf("duration %s has a minus sign (durations are non-negative, unsigned decimals)", text)
		}
		return 0, fmt.Errorf("negative duration %s", text)
	}
	intPart, frac, hasDot := strings.Cut(text, ".")
	if intPart == "" || (hasDot && frac == "") || !allDigits(intPart) || !allDigits(frac) {
		return 0, fmt.Errorf("duration %q is not a plain decimal number", text)
	}
	if len(intPart) > 1 && intPart[0] == '0' {
		return 0, fmt.Errorf("duration %q has a leading zero", text)
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > u.digits() {
		return 0, fmt.Errorf("duration %s has more fractional digits than 1 ns allows in unit %s", text, unitName(u))
	}
	whole, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("duration %s: %w", text, ErrOverflow)
	}
	if whole > math.MaxInt64/scale {
		return 0, fmt.Errorf("duration %s: %w", text, ErrOverflow)
	}
	ns := whole * scale
	var f int64
	for i := 0; i < u.digits(); i++ {
		f *= 10
		if i < len(frac) {
			f += int64(frac[i] - '0')
		}
	}
	if ns > math.MaxInt64-f {
		return 0, fmt.Errorf("duration %s: %w", text, ErrOverflow)
	}
	return Duration(ns + f), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func unitName(u Unit) string {
	if u == "" {
		return string(Second)
	}
	return string(u)
}

// Format writes d in unit u as the shortest exact decimal ("7", "1.5",
// "0.000000001"). It is the inverse of ParseDuration.
func Format(d Duration, u Unit) string {
	scale := u.Nanos()
	if scale == 0 {
		scale = 1
	}
	neg := d < 0
	v := uint64(d)
	if neg {
		v = uint64(-(d + 1)) + 1
	}
	whole, frac := v/uint64(scale), v%uint64(scale)
	s := strconv.FormatUint(whole, 10)
	if frac != 0 {
		f := strconv.FormatUint(frac, 10)
		f = strings.Repeat("0", u.digits()-len(f)) + f
		s += "." + strings.TrimRight(f, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Add returns a+b, or ErrOverflow.
func Add(a, b Duration) (Duration, error) {
	if (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b) {
		return 0, ErrOverflow
	}
	return a + b, nil
}
