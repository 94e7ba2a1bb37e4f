package record

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// These tests run the recorder on the programs in testdata under the
// virtual clock (recorder.py's VirtualSelector: time.sleep and the loop's
// waits advance an exact clock), so their workloads are exact and nothing
// depends on the machine's speed or load.

const installHint = "install CPython 3.8 or later as python3 (apt-get install python3), or set GATHERORDER_PYTHON"

var resolved struct {
	sync.Once
	path string
}

// python is $GATHERORDER_PYTHON or python3 on PATH, resolved once to the
// interpreter's own executable (a pyenv shim costs a process per start).
func python(t *testing.T) string {
	t.Helper()
	t.Parallel()
	resolved.Do(func() {
		p := os.Getenv("GATHERORDER_PYTHON")
		if p == "" {
			var err error
			if p, err = exec.LookPath("python3"); err != nil {
				return
			}
		}
		out, err := exec.Command(p, "-c", "import sys; print(sys.executable)").Output()
		if err == nil && strings.TrimSpace(string(out)) != "" {
			p = strings.TrimSpace(string(out))
		}
		resolved.path = p
	})
	if resolved.path == "" {
		t.Skipf("no python3 on PATH: %s", installHint)
	}
	return resolved.path
}

// pythonAtLeast reports whether py is CPython 3.minor or later.
func pythonAtLeast(t *testing.T, py string, minor int) bool {
	t.Helper()
	out, err := exec.Command(py, "-c", "import sys; print(sys.version_info[1] if sys.version_info[0] == 3 else 0)").Output()
	if err != nil {
		t.Fatalf("%s: %v", py, err)
	}
	var m int
	for _, c := range strings.TrimSpace(string(out)) {
		m = m*10 + int(c-'0')
	}
	return m >= minor
}

type recording struct {
	res            *Result
	stdout, stderr string
}

func recordProgram(t *testing.T, py string, runs int, stdin string, script string, args ...string) recording {
	t.Helper()
	var out, errb bytes.Buffer
	cfg := Config{
		Command: append([]string{py, filepath.Join("testdata", script)}, args...),
		Runs:    runs,
		Virtual: true,
		Stdin:   strings.NewReader(stdin),
		Stdout:  &out,
		Stderr:  &errb,
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Run %s: %v\nstderr: %s", script, err, errb.String())
	}
	if res.File != nil {
		// Every recording survives its own file format.
		back, err := Parse("marshalled", Marshal(res.File))
		if err != nil {
			t.Fatalf("Parse(Marshal) of %s: %v\n%s", script, err, Marshal(res.File))
		}
		if !bytes.Equal(Marshal(back), Marshal(res.File)) {
			t.Fatalf("Marshal(Parse(Marshal)) differs for %s", script)
		}
	}
	return recording{res, out.String(), errb.String()}
}

// kinds writes a task's step kinds with their sources: "cpu(); io(socket)".
func kinds(g Gather, task int) string {
	var ks []string
	for _, s := range g.Samples[task] {
		ks = append(ks, s.Kind.String()+"("+s.Source+")")
	}
	return strings.Join(ks, "; ")
}

// steps writes a task's recorded steps compactly: "cpu 1; sleep(timer) 5".
func steps(g Gather, task int) string {
	var parts []string
	for si, s := range g.Samples[task] {
		d := model.Format(g.Workload.Tasks[task].Steps[si].D, model.Second)
		if s.Source == "" {
			parts = append(parts, "cpu "+d)
		} else {
			parts = append(parts, s.Kind.String()+"("+s.Source+") "+d)
		}
	}
	return strings.Join(parts, "; ")
}

func gatherAt(t *testing.T, f *File, site string) Gather {
	t.Helper()
	for _, g := range f.Gathers {
		if g.Site == site {
			return g
		}
	}
	var have []string
	for _, g := range f.Gathers {
		have = append(have, g.Site)
	}
	t.Fatalf("no gather at %s (have %v)", site, have)
	return Gather{}
}

func wantSteps(t *testing.T, g Gather, want ...string) {
	t.Helper()
	if len(g.Workload.Tasks) != len(want) {
		t.Fatalf("%s: %d tasks, want %d", g.Site, len(g.Workload.Tasks), len(want))
	}
	for i, w := range want {
		name := g.Workload.Tasks[i].Name
		if got := name + ": " + steps(g, i); got != w {
			t.Errorf("%s task %d:\n got %s\nwant %s", g.Site, i+1, got, w)
		}
	}
}

func TestRecordsTheSeedExactly(t *testing.T) {
	py := python(t)
	r := recordProgram(t, py, 1, "", "seed.py")
	if r.res.ExitCode != 0 || r.stdout != "[1, 3, 5]\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.res.ExitCode, r.stdout, r.stderr)
	}
	f := r.res.File
	if len(f.Gathers) != 1 || f.Clock != "virtual" || f.Loop != "asyncio" {
		t.Fatalf("file: %+v", f)
	}
	g := gatherAt(t, f, "seed.py:16")
	wantSteps(t, g,
		"work#1: cpu 1; sleep(timer) 1; cpu 1",
		"work#2: cpu 1; sleep(timer) 3; cpu 1",
		"work#3: cpu 1; sleep(timer) 5; cpu 1")
	if g.Calls != 1 || g.Makespan != 9*model.Duration(1e9) {
		t.Errorf("calls %d, makespan %s; want 1, 9", g.Calls, model.Format(g.Makespan, model.Second))
	}
	// The model reproduces the measured makespan of the recorded order.
	if m := model.Simulate(g.Workload, nil).Makespan; m != g.Makespan {
		t.Errorf("model makespan %s, measured %s", model.Format(m, model.Second), model.Format(g.Makespan, model.Second))
	}
	sites := Sites(f)
	if len(sites) != 1 || sites[0].Label() != "seed.py:16" || sites[0].Measured != g.Makespan || sites[0].Workload != g.Workload {
		t.Errorf("Sites: %+v", sites)
	}
}

func TestRunsMergeIntoSamples(t *testing.T) {
	py := python(t)
	r := recordProgram(t, py, 3, "", "seed.py")
	if got := strings.Count(r.stdout, "[1, 3, 5]"); got != 3 {
		t.Fatalf("stdout of 3 runs: %q", r.stdout)
	}
	f := r.res.File
	if f.Runs != 3 || len(f.Gathers) != 1 {
		t.Fatalf("runs %d, %d gathers", f.Runs, len(f.Gathers))
	}
	g := f.Gathers[0]
	if g.Calls != 3 || len(g.Makespans) != 3 {
		t.Fatalf("calls %d, makespans %v", g.Calls, g.Makespans)
	}
	for _, task := range g.Samples {
		for _, s := range task {
			if len(s.D) != 3 || s.D[0] != s.D[1] || s.D[1] != s.D[2] {
				t.Errorf("samples %v: want three equal values (virtual clock)", s.D)
			}
		}
	}
}

func TestAProgramThatRaises(t *testing.T) {
	py := python(t)
	r := recordProgram(t, py, 1, "", "raises.py")
	if r.res.ExitCode != 1 {
		t.Fatalf("exit status %d, want 1 (Python's for an uncaught exception)", r.res.ExitCode)
	}
	if !strings.HasPrefix(r.stderr, "Traceback (most recent call last):\n") || !strings.Contains(r.stderr, "ValueError: the program's own error") {
		t.Errorf("stderr is not Python's traceback:\n%s", r.stderr)
	}
	if strings.Contains(r.stderr, "recorder") || strings.Contains(r.stderr, "runpy") {
		t.Errorf("the traceback shows the recorder's frames:\n%s", r.stderr)
	}
	f := r.res.File
	wantSteps(t, gatherAt(t, f, "raises.py:13"),
		"work#1: cpu 1; sleep(timer) 1; cpu 0",
		"work#2: cpu 2; sleep(timer) 2; cpu 0")
	wantSteps(t, gatherAt(t, f, "raises.py:14"), "work#1: cpu 0.5; sleep(timer) 0.5; cpu 0")
}

func TestAProgramWithoutGather(t *testing.T) {
	py := python(t)
	r := recordProgram(t, py, 1, "", "nogather.py")
	if r.res.ExitCode != 0 || r.stdout != "no gather here\n" || r.stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.res.ExitCode, r.stdout, r.stderr)
	}
	if f := r.res.File; f == nil || len(f.Gathers) != 0 {
		t.Fatalf("want a file without gathers, got %+v", f)
	}
	if len(r.res.Warnings) != 1 || !strings.Contains(r.res.Warnings[0], "no asyncio.gather") {
		t.Errorf("warnings %q", r.res.Warnings)
	}
}

func TestNestedGathers(t *testing.T) {
	py := python(t)
	f := recordProgram(t, py, 1, "", "nested.py").res.File
	outer := gatherAt(t, f, "nested.py:25")
	wantSteps(t, outer,
		"branch#1: cpu 0.5; sleep(task) 3.25; cpu 0.5",
		"other#2: cpu 1; sleep(yield) 0; cpu 0; sleep(timer) 4; cpu 0")
	wantSteps(t, gatherAt(t, f, "nested.py:14"),
		"leaf#1: cpu 0; sleep(timer) 1; cpu 0.25",
		"leaf#2: cpu 0; sleep(timer) 2; cpu 0.25")
	if !strings.Contains(strings.Join(outer.Notes, "\n"), `"task"`) {
		t.Errorf("the outer gather's notes do not explain the task wait: %q", outer.Notes)
	}
}

// A wait that only lasts while the loop runs other tasks' steps (a lock
// released a turn later) is recorded as those turns, which the model
// replays itself, not as a sleep of the time they took.
func TestAWaitOnASiblingIsRecordedAsTurns(t *testing.T) {
	py := python(t)
	g := gatherAt(t, recordProgram(t, py, 1, "", "lock.py").res.File, "lock.py:22")
	wantSteps(t, g,
		"holder#1: cpu 1; sleep(yield) 0; cpu 0.5",
		"waiter#2: cpu 0.25; sleep(turn) 0; sleep(turn) 0; cpu 0.25")
	if m := model.Simulate(g.Workload, nil).Makespan; m != g.Makespan {
		t.Errorf("model %d ns, measured %d ns", m, g.Makespan)
	}
}

func TestGatherInsideATaskGroup(t *testing.T) {
	py := python(t)
	if !pythonAtLeast(t, py, 11) {
		t.Skip("TaskGroup needs Python 3.11 or later")
	}
	f := recordProgram(t, py, 1, "", "taskgroup.py").res.File
	tg := gatherAt(t, f, "taskgroup.py:16")
	if tg.Kind != "taskgroup" {
		t.Errorf("kind %q, want taskgroup", tg.Kind)
	}
	wantSteps(t, tg,
		"pair: cpu 0; sleep(task) 4.5; cpu 0",
		"fetch#2: cpu 0.5; sleep(timer) 2; cpu 0")
	g := gatherAt(t, f, "taskgroup.py:12")
	if g.Kind != "gather" {
		t.Errorf("kind %q, want gather", g.Kind)
	}
	wantSteps(t, g,
		"fetch#1: cpu 0.5; sleep(timer) 1; cpu 0",
		"fetch#2: cpu 0.5; sleep(timer) 3; cpu 0")
}

func TestStdinArgumentsAndExitStatusPassThrough(t *testing.T) {
	py := python(t)
	r := recordProgram(t, py, 1, "one\ntwo\n", "stdin.py", "4", "x y")
	if r.res.ExitCode != 4 {
		t.Errorf("exit status %d, want 4", r.res.ExitCode)
	}
	if r.stdout != "ONE\nTWO\n" || r.stderr != "args: 4 x y\n" {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
	g := gatherAt(t, r.res.File, "stdin.py:14")
	if len(g.Workload.Tasks) != 2 {
		t.Errorf("%d tasks, want one per line of stdin", len(g.Workload.Tasks))
	}
	// With several runs every run reads the same stdin.
	r = recordProgram(t, py, 2, "a\n", "stdin.py", "0")
	if r.stdout != "A\nA\n" || r.res.File.Gathers[0].Calls != 2 {
		t.Errorf("two runs: stdout %q, calls %d", r.stdout, r.res.File.Gathers[0].Calls)
	}
}

// open_connection takes one selector wait (the connect) and two loop
// turns (the transport's call_soon'd callbacks) before the request leaves:
// the hop of model/SEMANTICS.md §S7 and experiments/hop's ConnectHop.
func TestConnectionSetUpIsRecordedAsAHop(t *testing.T) {
	py := python(t)
	g := gatherAt(t, recordProgram(t, py, 1, "", "hop.py").res.File, "hop.py:29")
	for i, delay := range []model.Duration{3e9, 1e9} {
		st := g.Workload.Tasks[i].Steps
		want := "cpu(); io(socket); cpu(); sleep(hop); sleep(hop); cpu(); io(socket); cpu()"
		if got := kinds(g, i); got != want {
			t.Fatalf("task %d: steps %s, want %s", i+1, got, want)
		}
		if st[0].D != 5e8 || st[2].D != 0 || st[5].D != 0 || st[7].D != 5e8 {
			t.Errorf("task %d: cpu steps %v, want 0.5, 0, 0, 0.5", i+1, st)
		}
		if st[6].D < delay {
			t.Errorf("task %d: the reply's wait %d ns is shorter than the server's delay %d", i+1, st[6].D, delay)
		}
	}
}

// A connection that stays registered (a stream's transport) is watched
// again only after its reader has read: a readiness seen while the first
// reply was still unread is not taken for the second reply's arrival.
func TestAKeptConnectionTimesEachReplyFromItsOwnWait(t *testing.T) {
	py := python(t)
	g := gatherAt(t, recordProgram(t, py, 1, "", "keepalive.py").res.File, "keepalive.py:29")
	wantSteps(t, g,
		"client#1: cpu 0; sleep(hop) 0; sleep(hop) 0; cpu 0; io(socket) 1; cpu 0; io(socket) 1.75; cpu 0",
		"busy#2: cpu 0; sleep(timer) 1; cpu 0.5; sleep(yield) 0; cpu 0.25")
}

func TestSocketAndThreadWaits(t *testing.T) {
	py := python(t)
	f := recordProgram(t, py, 1, "", "sockio.py").res.File
	wantSteps(t, gatherAt(t, f, "sockio.py:31"),
		"receive#1: cpu 0; io(socket) 3; cpu 0.25",
		"busy#2: cpu 1")
	wantSteps(t, gatherAt(t, f, "sockio.py:32"), "offload#1: cpu 0; io(thread) 2; cpu 0")
}

func TestUsageErrors(t *testing.T) {
	py := python(t)
	for _, c := range []struct {
		cmd  []string
		want string
	}{
		{[]string{py, "testdata/does-not-exist.py"}, "testdata/does-not-exist.py: no such script"},
		{[]string{py, "testdata"}, "is a directory"},
		{[]string{"no-such-interpreter-gatherorder", "x.py"}, "interpreter not found"},
		{[]string{py}, "no script to record"},
		{[]string{py, "-c", "print(1)"}, "-c is not supported"},
		{[]string{py, "-m"}, "-m needs a module name"},
		{nil, "no program to record"},
	} {
		_, err := Run(context.Background(), Config{Command: c.cmd})
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want a one-line usage error containing %q", c.cmd, err, c.want)
		}
	}
}

// The recorder runs on every CPython it supports, 3.8 to 3.13: each one
// found (pythonN.M on PATH, or under pyenv's root) records the seed
// exactly; the ones not installed are skipped by name.
func TestEveryCPythonRecordsTheSeed(t *testing.T) {
	t.Parallel()
	root := os.Getenv("PYENV_ROOT")
	if root == "" {
		if home, err := os.UserHomeDir(); err == nil {
			root = filepath.Join(home, ".pyenv")
		}
	}
	for minor := 8; minor <= 13; minor++ {
		v := fmt.Sprintf("3.%d", minor)
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			cands, _ := filepath.Glob(filepath.Join(root, "versions", v+".*", "bin", "python"+v))
			if p, err := exec.LookPath("python" + v); err == nil {
				cands = append(cands, p)
			}
			py := ""
			for _, c := range cands {
				if exec.Command(c, "-c", "pass").Run() == nil {
					py = c
					break
				}
			}
			if py == "" {
				t.Skipf("python%s not installed (pyenv install %s, or apt-get install python%s)", v, v, v)
			}
			f := recordProgram(t, py, 1, "", "seed.py").res.File
			if f == nil || len(f.Gathers) != 1 {
				t.Fatalf("%s: no recording", py)
			}
			g := f.Gathers[0]
			wantSteps(t, g,
				"work#1: cpu 1; sleep(timer) 1; cpu 1",
				"work#2: cpu 1; sleep(timer) 3; cpu 1",
				"work#3: cpu 1; sleep(timer) 5; cpu 1")
		})
	}
}

// Under uvloop (Debian's python3-uvloop) the clock is real (uvloop keeps
// its own), so only bounds that cannot fail are checked: the kinds and
// sources, and that no timer wait is longer than the sleep asked for.
func TestUvloop(t *testing.T) {
	t.Parallel()
	py := "/usr/bin/python3"
	if p := os.Getenv("GATHERORDER_UVLOOP_PYTHON"); p != "" {
		py = p
	}
	if err := exec.Command(py, "-c", "import uvloop").Run(); err != nil {
		t.Skipf("%s has no uvloop: apt-get install python3-uvloop (or set GATHERORDER_UVLOOP_PYTHON)", py)
	}
	var out, errb bytes.Buffer
	res, err := Run(context.Background(), Config{Command: []string{py, "testdata/uvloop_app.py"}, Stdout: &out, Stderr: &errb})
	if err != nil || res.ExitCode != 0 {
		t.Fatalf("Run: %v, exit %d, stderr %s", err, res.ExitCode, errb.String())
	}
	f := res.File
	if f.Loop != "uvloop" || len(f.Gathers) != 1 {
		t.Fatalf("loop %q, %d gathers", f.Loop, len(f.Gathers))
	}
	g := f.Gathers[0]
	for i, asked := range []model.Duration{5e7, 2e7} {
		if got := kinds(g, i); got != "cpu(); sleep(timer); cpu(); sleep(yield); cpu()" {
			t.Errorf("task %d: %s", i+1, got)
		}
		if d := g.Workload.Tasks[i].Steps[1].D; d > asked {
			t.Errorf("task %d: timer wait %d ns > the %d ns asked for", i+1, d, asked)
		}
	}
}
