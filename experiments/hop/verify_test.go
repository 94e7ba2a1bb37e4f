package hop

import "os"

// verify reports whether the long runs are requested (make verify, make
// hop): here, the tests on real sockets and the wall clock.
// TODO(verify helper): use the internal/ helper for GATHERORDER_VERIFY
// once it lands.
func verify() bool { return os.Getenv("GATHERORDER_VERIFY") == "1" }
