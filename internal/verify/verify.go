// Package verify tells a test whether it runs under `make verify`, the long
// checks: the environment variable GATHERORDER_VERIFY=1. It is the one place
// that reads that variable; every test that has a quick and a long size asks
// here.
package verify

import "os"

// Env is the environment variable that `make verify` sets to 1.
const Env = "GATHERORDER_VERIFY"

// On reports whether the long checks are asked for (GATHERORDER_VERIFY=1).
func On() bool { return os.Getenv(Env) == "1" }

// Pick returns quick, or long under GATHERORDER_VERIFY=1.
func Pick[T any](quick, long T) T {
	if On() {
		return long
	}
	return quick
}
