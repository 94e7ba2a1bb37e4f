package oracle

import _ "embed"

// asyncioDriver is the source of drivers/asyncio_driver.py, the CPython
// asyncio driver (virtual or real clock, JSON lines on stdin and stdout;
// protocol in drivers/README.md). It is embedded so that Start works from
// any working directory: the script in drivers/ is the one and only copy.
//
//go:embed drivers/asyncio_driver.py
var asyncioDriver string
