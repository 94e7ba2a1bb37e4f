package oracle

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// UVLoopInstallHint says how to get the interpreter StartUVLoop needs; it is
// part of every "no CPython 3.11 with uvloop" error.
const UVLoopInstallHint = "install Debian's uvloop for its CPython 3.11: `apt-get install python3-uvloop` (scripts/setup.sh does), or set GATHERORDER_UVLOOP_PYTHON to a CPython 3.11 that imports uvloop"

// UVLoopPython is a CPython 3.11 that imports uvloop, with the versions of
// uvloop and of the libuv it runs on.
type UVLoopPython struct {
	Interpreter
	UVLoop, Libuv string
}

// FindUVLoopPython returns the interpreter StartUVLoop runs:
// $GATHERORDER_UVLOOP_PYTHON if set, else the first of /usr/bin/python3 and
// python3 on PATH that is CPython 3.11 and imports uvloop (the model of
// model/SEMANTICS.md §S14 is uvloop's on CPython 3.11).
func FindUVLoopPython() (UVLoopPython, error) {
	var cands []string
	if env := os.Getenv("GATHERORDER_UVLOOP_PYTHON"); env != "" {
		cands = append(cands, env)
	}
	cands = append(cands, "/usr/bin/python3")
	if p, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, p)
	}
	var why []string
	for _, c := range cands {
		u, err := probeUVLoop(c)
		if err == nil {
			return u, nil
		}
		why = append(why, fmt.Sprintf("%s: %v", c, err))
	}
	return UVLoopPython{}, fmt.Errorf("oracle: no CPython 3.11 with uvloop (%s); %s", strings.Join(why, "; "), UVLoopInstallHint)
}

func probeUVLoop(path string) (UVLoopPython, error) {
	cmd := exec.Command(path, "-I", "-c", `import platform, sys, uvloop, uvloop.loop
v = uvloop.loop.libuv_get_version()
print(platform.python_implementation(), platform.python_version(), uvloop.__version__, "%d.%d.%d" % (v >> 16, (v >> 8) & 255, v & 255))
print(sys.executable)`)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
			return UVLoopPython{}, errors.New("not found")
		}
		msg := strings.Fields(errb.String())
		if len(msg) > 12 {
			msg = msg[len(msg)-12:]
		}
		return UVLoopPython{}, fmt.Errorf("%v: %s", err, strings.Join(msg, " "))
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || len(strings.Fields(lines[0])) != 4 {
		return UVLoopPython{}, fmt.Errorf("unexpected output %q", out.String())
	}
	f := strings.Fields(lines[0])
	u := UVLoopPython{Interpreter{Path: strings.TrimSpace(lines[1]), Version: f[1], Minor: minorOf(f[1])}, f[2], f[3]}
	if f[0] != "CPython" || u.Minor != model.BaseMinor {
		return UVLoopPython{}, fmt.Errorf("is %s %s, not CPython 3.%d", f[0], f[1], model.BaseMinor)
	}
	return u, nil
}

// StartUVLoop starts a real-clock driver whose event loop is uvloop's
// (drivers/asyncio_driver.py --loop uvloop, gather only) on
// FindUVLoopPython's interpreter; it runs every workload repeat times, each
// on a fresh loop with the garbage collector paused, starting within 50 µs
// after a whole millisecond of the clock libuv reads
// (model/SEMANTICS.md §S14.1). uvloop cannot run under the virtual clock: libuv reads
// CLOCK_MONOTONIC itself. Its model is model.Runtime{Loop: model.UVLoop}.
func StartUVLoop(repeat int) (*Real, error) {
	if repeat < 1 {
		return nil, fmt.Errorf("oracle: repeat %d < 1", repeat)
	}
	u, err := FindUVLoopPython()
	if err != nil {
		return nil, err
	}
	d, err := startDriver(u.Interpreter, "--clock", "real", "--loop", "uvloop", "--ns-per-unit", "1", "--repeat", strconv.Itoa(repeat))
	if err != nil {
		return nil, err
	}
	return &Real{d: d, repeat: repeat, Version: d.version, Loop: "uvloop " + u.UVLoop + ", libuv " + u.Libuv}, nil
}
