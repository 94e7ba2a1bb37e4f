package gen

import (
	"flag"
	"strconv"
	"testing"

	"pgregory.net/rapid"
)

// Check runs rapid.Check with a fixed number of checks and a fixed seed,
// so every run of a test draws the same cases. rapid reads both settings
// only from its command-line flags, so Check sets them for the duration of
// the call and restores them; an explicit -rapid.seed on the command line
// is honoured. Failures never write rapid's fail files.
func Check(t *testing.T, checks int, seed uint64, prop func(*rapid.T)) {
	t.Helper()
	set := map[string]string{"rapid.checks": strconv.Itoa(checks), "rapid.nofailfile": "true"}
	if fl := flag.Lookup("rapid.seed"); fl != nil && fl.Value.String() == "0" {
		set["rapid.seed"] = strconv.FormatUint(seed, 10)
	}
	for name, v := range set {
		fl := flag.Lookup(name)
		if fl == nil {
			t.Fatalf("rapid has no flag %s", name)
		}
		old := fl.Value.String()
		if err := fl.Value.Set(v); err != nil {
			t.Fatal(err)
		}
		defer fl.Value.Set(old)
	}
	rapid.Check(t, prop)
}
