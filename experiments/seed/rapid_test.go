package seed

import (
	"flag"
	"os"
	"strconv"
	"testing"

	"pgregory.net/rapid"
)

// checks is the number of rapid cases per property: 300 by default, 20,000
// under GATHERORDER_VERIFY=1 (make verify).
func checks() int {
	if os.Getenv("GATHERORDER_VERIFY") == "1" {
		return 20000
	}
	return 300
}

// rapidCheck runs rapid.Check with a fixed seed (unless -rapid.seed is
// given) and checks() cases, so every run draws the same workloads; rapid
// reads both settings only from its flags.
func rapidCheck(t *testing.T, prop func(*rapid.T)) {
	t.Helper()
	set := map[string]string{"rapid.checks": strconv.Itoa(checks()), "rapid.nofailfile": "true"}
	if fl := flag.Lookup("rapid.seed"); fl != nil && fl.Value.String() == "0" {
		set["rapid.seed"] = "3000000"
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
