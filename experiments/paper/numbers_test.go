package main

import "testing"

// Every number is typeset one way: thin-space groups from four digits on,
// a real minus; years, seeds and non-numbers are left alone.
func TestNumbersAreTypesetOneWay(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"WomTotal", "63000", `63\,000`},
		{"HeurTotal", "8000", `8\,000`},
		{"Small", "999", "999"},
		{"Err", "-1.09", `\ensuremath{-}1.09`},
		{"Big", "-12345", `\ensuremath{-}12\,345`},
		{"BlogYear", "2022", "2022"},
		{"WomSeed", "20230312", "20230312"},
		{"Frac", `\ensuremath{17/12}`, `\ensuremath{17/12}`},
		{"Already", `2\,000`, `2\,000`},
		{"Dec", "20.4922", "20.4922"},
	} {
		var n Numbers
		n.Add(c.name, c.in, "")
		if got := n.defs[0].value; got != c.want {
			t.Errorf("%s = %q: typeset %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
