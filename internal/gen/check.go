package gen

import (
	"flag"
	"strconv"
	"sync"

	"pgregory.net/rapid"
)

// rapidMu serialises Check: rapid's settings are process-wide flags.
var rapidMu sync.Mutex

// Check runs rapid.Check(t, prop) with a fixed number of checks from a
// fixed seed, so that every run draws the same cases, and writes no fail
// files. It is the one seeded-check helper of the repository: the tests
// pass their *testing.T, the claim engines (package props/pbt) a recorder
// that implements rapid.TB.
//
// rapid reads its settings only from its flags on flag.CommandLine, so
// Check sets them for the duration of the call (serialised across
// goroutines) and restores them. It never registers or parses flags
// itself: rapid also consults testing.Short, which needs the testing flags
// registered and parsed, as they are in every test binary; a main that
// runs rapid outside `go test` must call testing.Init and parse
// flag.CommandLine first (experiments/paper does).
func Check(t rapid.TB, checks int, seed uint64, prop func(*rapid.T)) {
	t.Helper()
	rapidMu.Lock()
	defer rapidMu.Unlock()
	set := map[string]string{
		"rapid.checks":     strconv.Itoa(checks),
		"rapid.seed":       strconv.FormatUint(seed, 10),
		"rapid.nofailfile": "true",
	}
	for name, v := range set {
		fl := flag.Lookup(name)
		if fl == nil {
			t.Fatalf("rapid has no flag -%s", name)
			return
		}
		old := fl.Value.String()
		if err := fl.Value.Set(v); err != nil {
			t.Fatalf("setting -%s: %v", name, err)
			return
		}
		defer fl.Value.Set(old)
	}
	rapid.Check(t, prop)
}
