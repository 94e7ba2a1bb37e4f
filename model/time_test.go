package model_test

import (
	"errors"
	"testing"

	"pgregory.net/rapid"

	. "github.com/gatherorder/gatherorder/model"
)

func TestParseDurationExact(t *testing.T) {
	cases := []struct {
		text string
		unit Unit
		want Duration
	}{
		{"0", Second, 0},
		{"1", Second, 1e9},
		{"1.5", Second, 1_500_000_000},
		{"0.000000001", Second, 1},
		{"1.250", Millisecond, 1_250_000},
		{"3", Microsecond, 3000},
		{"9223372036854775807", Nanosecond, 1<<63 - 1},
		{"9223372036.854775807", Second, 1<<63 - 1},
	}
	for _, c := range cases {
		got, err := ParseDuration(c.text, c.unit)
		if err != nil || got != c.want {
			t.Errorf("ParseDuration(%q, %s) = %d, %v; want %d", c.text, c.unit, got, err, c.want)
		}
	}
}

func TestParseDurationRejects(t *testing.T) {
	cases := []struct {
		text     string
		unit     Unit
		overflow bool
	}{
		{"-1", Second, false},
		{"1e3", Second, false},
		{".5", Second, false},
		{"5.", Second, false},
		{"0.0000000001", Second, false},
		{"0.5", Nanosecond, false},
		{"01", Second, false},
		{"", Second, false},
		{"9223372036.854775808", Second, true},
		{"9223372036854775808", Nanosecond, true},
		{"9223372037", Second, true},
		{"1", "h", false},
	}
	for _, c := range cases {
		_, err := ParseDuration(c.text, c.unit)
		if err == nil {
			t.Errorf("ParseDuration(%q, %s) succeeded; want an error", c.text, c.unit)
		} else if errors.Is(err, ErrOverflow) != c.overflow {
			t.Errorf("ParseDuration(%q, %s): %v; overflow = %v, want %v", c.text, c.unit, err, !c.overflow, c.overflow)
		}
	}
}

// Format is the exact inverse of ParseDuration in every unit.
func TestFormatRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := Duration(rapid.Int64Min(0).Draw(t, "d"))
		u := rapid.SampledFrom([]Unit{Second, Millisecond, Microsecond, Nanosecond}).Draw(t, "unit")
		s := Format(d, u)
		back, err := ParseDuration(s, u)
		if err != nil || back != d {
			t.Fatalf("ParseDuration(Format(%d, %s) = %q) = %d, %v", d, u, s, back, err)
		}
	})
}

func TestAddOverflow(t *testing.T) {
	if _, err := Add(1<<62, 1<<62); !errors.Is(err, ErrOverflow) {
		t.Fatalf("Add(2^62, 2^62): err = %v, want ErrOverflow", err)
	}
	if s, err := Add(1, 2); err != nil || s != 3 {
		t.Fatalf("Add(1, 2) = %d, %v", s, err)
	}
}
