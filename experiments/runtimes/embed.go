// Package runtimes holds the drivers that run gatherorder workloads on real
// language runtimes (see README.md). The Go side embeds the CPython asyncio
// driver so that package oracle can run it from any working directory
// without locating the module root: the script in this directory is the one
// and only copy.
package runtimes

import _ "embed"

// AsyncioDriver is the source of asyncio_driver.py, the CPython 3.11
// asyncio driver (virtual or real clock, JSON lines on stdin and stdout).
//
//go:embed asyncio_driver.py
var AsyncioDriver string
