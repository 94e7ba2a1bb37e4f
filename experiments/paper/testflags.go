package main

import (
	"flag"
	"testing"
)

// The claims step runs the rapid engine (package props/pbt) outside `go
// test`. rapid reads its settings from flag.CommandLine and consults
// testing.Short, which needs the testing flags registered and parsed: this
// main does both, once, before anything runs. The generator's own options
// are parsed from their own flag set (run), never from flag.CommandLine.
func init() {
	testing.Init()
	if !flag.Parsed() {
		_ = flag.CommandLine.Parse(nil)
	}
}
