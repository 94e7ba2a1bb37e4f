package record

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// DefaultTimeout bounds one run of the recorded program unless Config
// says otherwise.
const DefaultTimeout = 10 * time.Minute

// Config says what to record and how.
type Config struct {
	// Command is the program as it would be run: an interpreter, its
	// options, then SCRIPT [ARGS...] or -m MODULE [ARGS...].
	Command []string
	Runs    int           // runs of the program (default 1)
	Timeout time.Duration // limit of each run (default DefaultTimeout)
	Virtual bool          // the virtual clock (tests; recorder.py)
	Stdin   io.Reader     // the program's stdin (nil: none)
	Stdout  io.Writer     // the program's stdout (nil: discarded)
	Stderr  io.Writer     // the program's stderr (nil: discarded)
}

// Result is a recording: the merged file, the program's exit status
// (of the last run made: the first run that failed, or the last run) and
// the recorder's own complaints, one line each.
type Result struct {
	File     *File
	Raws     []*Raw // each run's recording, for Merge across several Runs
	ExitCode int
	Warnings []string
}

// UsageError is a problem with the command line (exit status 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// python options that take an argument; -c is refused (no script to
// record), -m names a module.
var pyOptArg = map[byte]bool{'X': true, 'W': true}

// split returns the interpreter with its options, and the target:
// SCRIPT or -m MODULE, and the program's arguments.
func split(cmd []string) (interp []string, target []string, args []string, err error) {
	if len(cmd) == 0 {
		return nil, nil, nil, &UsageError{"no program to record (want -- python3 SCRIPT [ARGS...])"}
	}
	interp = []string{cmd[0]}
	i := 1
	for i < len(cmd) {
		a := cmd[i]
		if a == "--" {
			i++
			break
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			break
		}
		if a == "-m" {
			if i+1 >= len(cmd) {
				return nil, nil, nil, &UsageError{"-m needs a module name"}
			}
			return interp, []string{"-m", cmd[i+1]}, cmd[i+2:], nil
		}
		if a == "-c" || strings.HasPrefix(a, "--") {
			return nil, nil, nil, &UsageError{fmt.Sprintf("python option %s is not supported by record (want SCRIPT or -m MODULE)", a)}
		}
		for j := 1; j < len(a); j++ {
			if a[j] == 'c' || a[j] == 'm' || a[j] == 'i' {
				return nil, nil, nil, &UsageError{fmt.Sprintf("python option %s is not supported by record (write -m MODULE on its own)", a)}
			}
		}
		interp = append(interp, a)
		if pyOptArg[a[1]] && len(a) == 2 {
			if i+1 >= len(cmd) {
				return nil, nil, nil, &UsageError{fmt.Sprintf("python option %s needs an argument", a)}
			}
			interp = append(interp, cmd[i+1])
			i++
		}
		i++
	}
	if i >= len(cmd) {
		return nil, nil, nil, &UsageError{"no script to record (want python3 SCRIPT [ARGS...] or python3 -m MODULE)"}
	}
	if cmd[i] == "-" {
		return nil, nil, nil, &UsageError{"a script on stdin is not supported by record (name the script's file)"}
	}
	return interp, []string{cmd[i]}, cmd[i+1:], nil
}

// Run records cfg.Command: it checks that the interpreter and the script
// exist (a UsageError otherwise), runs the program cfg.Runs times under
// recorder.py with its stdin, stdout and stderr passed through, stops at
// the first run that exits non-zero, and merges what every run made
// recorded. A run that exceeds cfg.Timeout is killed and is an error.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	interp, target, args, err := split(cfg.Command)
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath(interp[0]); err != nil {
		return nil, &UsageError{fmt.Sprintf("%s: interpreter not found", interp[0])}
	}
	if target[0] != "-m" {
		st, err := os.Stat(target[0])
		if err != nil {
			return nil, &UsageError{fmt.Sprintf("%s: no such script", target[0])}
		}
		if st.IsDir() {
			return nil, &UsageError{fmt.Sprintf("%s: is a directory, not a script", target[0])}
		}
	}
	runs := cfg.Runs
	if runs < 1 {
		runs = 1
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	dir, err := os.MkdirTemp("", "gatherorder-record-*")
	if err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "gatherorder_recorder.py")
	if err := os.WriteFile(script, []byte(Script), 0o600); err != nil {
		return nil, fmt.Errorf("writing the recorder: %w", err)
	}
	stdinFor := func() io.Reader { return cfg.Stdin }
	if runs > 1 && cfg.Stdin != nil && !isTerminal(cfg.Stdin) {
		// Every run reads the same input.
		data, err := io.ReadAll(cfg.Stdin)
		if err != nil {
			return nil, fmt.Errorf("reading stdin: %w", err)
		}
		stdinFor = func() io.Reader { return bytes.NewReader(data) }
	}
	return runAll(ctx, cfg, interp, target, args, script, dir, runs, timeout, stdinFor)
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func runAll(ctx context.Context, cfg Config, interp, target, args []string, script, dir string, runs int, timeout time.Duration, stdinFor func() io.Reader) (*Result, error) {
	clock := "real"
	if cfg.Virtual {
		clock = "virtual"
	}
	res := &Result{}
	var raws []*Raw
	for r := 0; r < runs; r++ {
		raw := filepath.Join(dir, fmt.Sprintf("run%d.json", r+1))
		argv := append(append(append(append([]string{}, interp[1:]...), script, raw, clock), target...), args...)
		rctx, cancel := context.WithTimeout(ctx, timeout)
		cmd := exec.CommandContext(rctx, interp[0], argv...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = stdinFor(), cfg.Stdout, cfg.Stderr
		cmd.WaitDelay = 5 * time.Second
		err := cmd.Run()
		expired := rctx.Err() != nil
		cancel()
		if expired {
			return nil, fmt.Errorf("run %d of %s did not finish within %v (--timeout); killed", r+1, strings.Join(cfg.Command, " "), timeout)
		}
		code := 0
		if err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				return nil, fmt.Errorf("running %s: %v", interp[0], err)
			}
			code = ee.ExitCode()
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				code = 128 + int(ws.Signal())
			}
		}
		res.ExitCode = code
		data, rerr := os.ReadFile(raw)
		if rerr != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("run %d ended (exit status %d) without the recorder's data: the program exited through os._exit, a signal or an interpreter crash, or the interpreter is not CPython 3.8 or later", r+1, code))
		} else {
			rw, err := ParseRaw(fmt.Sprintf("run %d", r+1), data)
			if err != nil {
				return nil, err
			}
			for _, e := range rw.Errors {
				res.Warnings = append(res.Warnings, fmt.Sprintf("run %d: recorder: %s", r+1, e))
			}
			raws = append(raws, rw)
		}
		if code != 0 {
			break
		}
	}
	if len(raws) == 0 {
		return res, nil
	}
	f, err := Merge(raws, cfg.Command)
	if err != nil {
		return nil, err
	}
	res.File, res.Raws = f, raws
	if f.Incomplete > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d calls had not finished when the program ended; they are not recorded", f.Incomplete))
	}
	if len(f.Gathers) == 0 {
		res.Warnings = append(res.Warnings, "the program made no asyncio.gather or TaskGroup call that finished")
	}
	return res, nil
}
