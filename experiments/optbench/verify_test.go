package optbench_test

import "os"

// verify reports whether the long runs are requested (make verify).
// TODO(verify helper): use the internal/ helper for GATHERORDER_VERIFY
// once it lands.
func verify() bool { return os.Getenv("GATHERORDER_VERIFY") == "1" }
