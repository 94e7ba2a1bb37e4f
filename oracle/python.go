package oracle

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gatherorder/gatherorder/model"
)

// InstallHint says how to get the interpreter the oracle needs; it is part
// of every "no suitable python3" error.
const InstallHint = "install CPython 3.11: `apt-get install python3` (Debian 12 / Ubuntu 23.04 ship 3.11), or `pyenv install 3.11` and put it first on PATH, or set GATHERORDER_PYTHON to its path"

// Python is one running asyncio driver in virtual-clock mode: the oracle.
// Start one, use it for many workloads, Close it. Safe for concurrent use.
type Python struct {
	d *driver
	// Version is the CPython version that runs the workloads, e.g. "3.11.7".
	Version string
	// Path is the interpreter's path.
	Path string
	// Spawn is how the driver starts the workload's tasks.
	Spawn model.Spawn
	// Runtime is the model variant this driver is the judge of: its
	// CPython minor version, its spawn style and heapq ties (the virtual
	// clock makes equal deadlines exactly equal, model/SEMANTICS.md §S12).
	// Differential compares with this variant.
	Runtime model.Runtime
}

// Config chooses the interpreter and the spawn style of a driver
// (StartWith). The zero value is what Start uses.
type Config struct {
	// Python is the interpreter to run, which must be CPython 3.8 to 3.13
	// (model.MinMinor to model.MaxMinor); "" means FindPython's CPython 3.11.
	Python string
	// Spawn is how the tasks are started (model.Gather, the zero value;
	// model.TaskGroup needs 3.11, model.Eager 3.12).
	Spawn model.Spawn
}

// Start finds CPython 3.11 and starts one long-lived driver process with
// the virtual clock and gather. The interpreter is $GATHERORDER_PYTHON if
// set, else the first of python3 on PATH and /usr/bin/python3 that is
// CPython 3.11.x; anything else is an error that says how to install it.
func Start() (*Python, error) { return StartWith(Config{}) }

// StartWith starts a virtual-clock driver on the interpreter and with the
// spawn style of c. An interpreter that is not CPython 3.8 to 3.13, or a
// spawn style its version lacks, is an error.
func StartWith(c Config) (*Python, error) {
	it, err := c.interpreter()
	if err != nil {
		return nil, err
	}
	rt, err := c.runtime(it)
	if err != nil {
		return nil, err
	}
	d, err := startDriver(it, "--clock", "virtual", "--spawn", c.Spawn.String())
	if err != nil {
		return nil, err
	}
	return &Python{d: d, Version: d.version, Path: d.python, Spawn: c.Spawn, Runtime: rt}, nil
}

// runtime is the model variant of c's spawn style on it, which must exist.
func (c Config) runtime(it Interpreter) (model.Runtime, error) {
	rt := model.Runtime{Minor: it.Minor, Spawn: c.Spawn}
	if err := rt.Validate(); err != nil {
		return rt, fmt.Errorf("oracle: %s (CPython %s): %v", it.Path, it.Version, err)
	}
	return rt, nil
}

// interpreter is c.Python, probed, or FindPython's.
func (c Config) interpreter() (Interpreter, error) {
	if c.Python != "" {
		return probeInterpreter(c.Python)
	}
	path, version, err := FindPython()
	return Interpreter{Path: path, Version: version, Minor: minorOf(version)}, err
}

// Close stops the driver (closing its input ends it) and removes the
// temporary script. It is safe to call more than once.
func (p *Python) Close() error { return p.d.close() }

// driver is a python3 process running asyncio_driver.py, spoken to in JSON
// lines. mu serialises whole request/response exchanges.
type driver struct {
	mu      sync.Mutex
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	in      *bufio.Writer
	out     *bufio.Reader
	stderr  *tailBuffer
	script  string
	python  string
	version string
	nextID  int64
	broken  error // set when the process died or the stream desynchronised
	closed  bool
}

// FindPython returns the path and version of the CPython 3.11 interpreter
// that Start would use, or an error naming every candidate it rejected and
// how to install a suitable one.
func FindPython() (path, version string, err error) {
	key := os.Getenv("GATHERORDER_PYTHON") + "\x00" + os.Getenv("PATH")
	found.Lock()
	defer found.Unlock()
	if f, ok := found.m[key]; ok {
		return f.path, f.version, f.err
	}
	path, version, err = findPython()
	if found.m == nil {
		found.m = map[string]foundPython{}
	}
	found.m[key] = foundPython{path, version, err}
	return path, version, err
}

// found caches FindPython per environment: asking the interpreter its
// version costs a process start (more through a pyenv shim), and tests
// start many oracles.
var found struct {
	sync.Mutex
	m map[string]foundPython
}

type foundPython struct {
	path, version string
	err           error
}

func findPython() (path, version string, err error) {
	var cands []string
	if env := os.Getenv("GATHERORDER_PYTHON"); env != "" {
		cands = append(cands, env)
	}
	if p, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, p)
	} else {
		cands = append(cands, "python3")
	}
	cands = append(cands, "/usr/bin/python3")
	var why []string
	seen := map[string]bool{}
	for _, c := range cands {
		if seen[c] {
			continue
		}
		seen[c] = true
		exe, v, err := cpython311(c)
		if err == nil {
			return exe, v, nil
		}
		why = append(why, fmt.Sprintf("%s: %v", c, err))
	}
	return "", "", fmt.Errorf("oracle: no CPython 3.11 interpreter (%s); %s", strings.Join(why, "; "), InstallHint)
}

// cpython311 returns the interpreter's own executable (sys.executable, so
// that a pyenv shim is resolved once, not at every start) and its version,
// if path is CPython 3.11.x. Start reproduces the model of
// model/SEMANTICS.md §S1 to §S10, which is 3.11's; other versions are
// started by name (StartWith), never picked up from PATH by accident.
func cpython311(path string) (exe, version string, err error) {
	it, err := probe(path)
	if err != nil {
		return "", "", err
	}
	if it.Minor != model.BaseMinor {
		return "", "", fmt.Errorf("is CPython %s, not CPython 3.11.x", it.Version)
	}
	return it.Path, it.Version, nil
}

// minorOf is the minor version of a "3.MINOR.PATCH" version string
// (0 if it is not one).
func minorOf(version string) int {
	f := strings.Split(version, ".")
	if len(f) < 2 || f[0] != "3" {
		return 0
	}
	m, err := strconv.Atoi(f[1])
	if err != nil {
		return 0
	}
	return m
}

// probeInterpreter is probe, cached per path, and refusing versions
// outside 3.8 to 3.13: the driver relies on asyncio internals
// (drivers/README.md) checked for exactly those.
func probeInterpreter(path string) (Interpreter, error) {
	probed.Lock()
	defer probed.Unlock()
	if r, ok := probed.m[path]; ok {
		return r.it, r.err
	}
	it, err := probe(path)
	if err == nil && (it.Minor < model.MinMinor || it.Minor > model.MaxMinor) {
		err = fmt.Errorf("is CPython %s; the driver supports 3.%d to 3.%d", it.Version, model.MinMinor, model.MaxMinor)
	}
	if err != nil {
		err = fmt.Errorf("oracle: %s: %v", path, err)
	}
	if probed.m == nil {
		probed.m = map[string]probeResult{}
	}
	probed.m[path] = probeResult{it, err}
	return it, err
}

var probed struct {
	sync.Mutex
	m map[string]probeResult
}

type probeResult struct {
	it  Interpreter
	err error
}

// probe asks the interpreter at path what it is: CPython 3.x, its
// version, and its own executable (sys.executable, so that a pyenv shim
// is resolved once, not at every start).
func probe(path string) (Interpreter, error) {
	cmd := exec.Command(path, "-I", "-c", "import platform, sys; print(platform.python_implementation(), platform.python_version()); print(sys.executable)")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
			return Interpreter{}, errors.New("not found")
		}
		return Interpreter{}, fmt.Errorf("%v %s", err, strings.Join(strings.Fields(errb.String()), " "))
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var f []string
	if len(lines) == 2 {
		f = strings.Fields(lines[0])
	}
	if len(f) != 2 {
		return Interpreter{}, fmt.Errorf("unexpected version output %q", out.String())
	}
	minor := minorOf(f[1])
	if f[0] != "CPython" || minor == 0 {
		return Interpreter{}, fmt.Errorf("is %s %s, not CPython 3", f[0], f[1])
	}
	exe := strings.TrimSpace(lines[1])
	if exe == "" {
		exe = path
	}
	return Interpreter{Path: exe, Version: f[1], Minor: minor}, nil
}

// startDriver runs the driver script on the interpreter it with args.
func startDriver(it Interpreter, args ...string) (*driver, error) {
	// -I: isolated mode, so PYTHON* variables and user site-packages cannot
	// change what runs; the driver needs the standard library only (and,
	// for --loop uvloop, the system's uvloop package).
	return startScript(it.Path, it.Version, "gatherorder-asyncio-driver-*.py", asyncioDriver, []string{"-I"}, args...)
}

// startScript writes source to a temporary file named by pattern and runs
// `prog flags... file args...` as a driver that speaks the JSON-lines
// protocol of drivers/README.md; version is what prog runs.
func startScript(prog, version, pattern, source string, flags []string, args ...string) (*driver, error) {
	py := prog
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, fmt.Errorf("oracle: writing the driver script: %w", err)
	}
	script := f.Name()
	if _, err := f.WriteString(source); err != nil {
		f.Close()
		os.Remove(script)
		return nil, fmt.Errorf("oracle: writing the driver script: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(script)
		return nil, fmt.Errorf("oracle: writing the driver script: %w", err)
	}
	cmd := exec.Command(py, append(append(flags, script), args...)...)
	d := &driver{cmd: cmd, script: script, python: py, version: version, stderr: &tailBuffer{max: 4096}}
	cmd.Stderr = d.stderr
	if d.stdin, err = cmd.StdinPipe(); err != nil {
		os.Remove(script)
		return nil, fmt.Errorf("oracle: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		os.Remove(script)
		return nil, fmt.Errorf("oracle: %w", err)
	}
	if err := cmd.Start(); err != nil {
		os.Remove(script)
		return nil, fmt.Errorf("oracle: starting %s: %w", py, err)
	}
	d.in = bufio.NewWriterSize(d.stdin, 1<<16)
	d.out = bufio.NewReaderSize(stdout, 1<<16)
	// Handshake: an empty workload proves that the driver runs and, since
	// it answers only after compiling the whole script, lets the temporary
	// file go at once, so nothing is left behind if Close is never called.
	d.nextID = 1
	resp, err := d.exchange([][]byte{[]byte(`{"id":0,"tasks":[]}` + "\n")})
	os.Remove(script)
	if err == nil && !bytes.Contains(bytes.ReplaceAll(resp[0], []byte(" "), nil), []byte(`"makespan":0`)) {
		err = d.fail(fmt.Errorf("unexpected handshake %q", resp[0]))
	}
	if err != nil {
		d.close()
		return nil, err
	}
	return d, nil
}

func (d *driver) close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return nil
	}
	d.closed = true
	defer os.Remove(d.script)
	d.stdin.Close() // EOF: the driver finishes its loop and exits 0
	done := make(chan error, 1)
	go func() { done <- d.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil && d.broken == nil {
			return fmt.Errorf("oracle: driver exited: %v%s", err, d.stderrNote())
		}
		return nil
	case <-time.After(10 * time.Second):
		d.cmd.Process.Kill()
		<-done
		return errors.New("oracle: driver did not exit within 10 s of closing its input; killed")
	}
}

// fail marks the driver unusable: after a lost or garbled response the
// pairing of requests and responses can no longer be trusted.
func (d *driver) fail(err error) error {
	if d.broken == nil {
		d.broken = fmt.Errorf("oracle: driver %s: %v%s", d.python, err, d.stderrNote())
	}
	return d.broken
}

func (d *driver) stderrNote() string {
	if s := strings.TrimSpace(d.stderr.String()); s != "" {
		return " (driver stderr: " + strings.Join(strings.Fields(s), " ") + ")"
	}
	return ""
}

// exchange sends the request lines and returns one response line per
// request. Writing happens in its own goroutine so that a batch larger than
// the pipe buffers cannot deadlock against the driver's output.
func (d *driver) exchange(reqs [][]byte) ([][]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return nil, errors.New("oracle: Python is closed")
	}
	if d.broken != nil {
		return nil, d.broken
	}
	werr := make(chan error, 1)
	go func() {
		for _, r := range reqs {
			if _, err := d.in.Write(r); err != nil {
				werr <- err
				return
			}
		}
		werr <- d.in.Flush()
	}()
	resps := make([][]byte, len(reqs))
	var rerr error
	for i := range reqs {
		line, err := d.out.ReadBytes('\n')
		if err != nil {
			rerr = fmt.Errorf("reading response %d of %d: %v", i+1, len(reqs), err)
			// Unblock the writer if the driver died with our input unread.
			d.stdin.Close()
			break
		}
		resps[i] = line
	}
	if err := <-werr; err != nil && rerr == nil {
		rerr = fmt.Errorf("writing requests: %v", err)
	}
	if rerr != nil {
		return nil, d.fail(rerr)
	}
	return resps, nil
}

// tailBuffer keeps the last max bytes written to it (the driver's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append(t.b[:0], t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
