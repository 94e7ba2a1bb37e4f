package record

import _ "embed"

// Script is the source of recorder.py, the standard-library recorder that
// runs inside the recorded program's interpreter. It is embedded so that
// the binary works from any directory: recorder.py in this package is the
// one and only copy.
//
//go:embed recorder.py
var Script string
