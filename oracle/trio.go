package oracle

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/gatherorder/gatherorder/model"
)

// trioDriver is the source of drivers/trio_driver.py, the Trio driver
// (virtual clock; JSON lines, drivers/README.md), embedded like
// asyncioDriver (embed.go).
//
//go:embed drivers/trio_driver.py
var trioDriver string

// TrioInstallHint says how to get an interpreter with Trio 0.22; it is
// part of every "no Trio" error.
const TrioInstallHint = "install Trio 0.22 for CPython 3.11: `pip install trio==0.22.2` in pyenv's 3.11, or `apt-get install python3-trio` (Debian 12 ships 0.22.0 for /usr/bin/python3; scripts/setup.sh does it), or set GATHERORDER_TRIO_PYTHON to an interpreter that has it"

// TrioMinor is the Trio release series the model reproduces (0.22.x).
const TrioMinor = "0.22"

// Trio is one running Trio driver (drivers/trio_driver.py) under the
// virtual clock: the oracle of the Trio model (model.Trio,
// model/SEMANTICS.md §S13). Start one with StartTrio, use it for many
// workloads, Close it. Safe for concurrent use.
type Trio struct {
	d *driver
	// Path is the interpreter, Python its CPython version ("3.11.7"),
	// Version the Trio version it imports ("0.22.2").
	Path, Python, Version string
}

// TrioInterpreter is an interpreter that imports Trio 0.22.
type TrioInterpreter struct {
	Interpreter
	// Trio is the version of Trio it imports, e.g. "0.22.2".
	Trio string
}

// TrioConfig chooses the interpreter of StartTrio. The zero value is
// FindTrio's.
type TrioConfig struct {
	// Python is the interpreter to run; it must import Trio 0.22.
	Python string
}

// StartTrio starts one long-lived Trio driver on c's interpreter.
func StartTrio(c TrioConfig) (*Trio, error) {
	var it TrioInterpreter
	var err error
	if c.Python != "" {
		it, err = probeTrio(c.Python)
	} else {
		it, err = FindTrio()
	}
	if err != nil {
		return nil, err
	}
	d, err := startScript(it.Interpreter.Path, it.Interpreter.Version, "gatherorder-trio-driver-*.py", trioDriver, []string{"-I"})
	if err != nil {
		return nil, err
	}
	return &Trio{d: d, Path: it.Path, Python: it.Version, Version: it.Trio}, nil
}

// Close stops the driver. It is safe to call more than once.
func (p *Trio) Close() error { return p.d.close() }

// trioEnv names an interpreter that FindTrio tries first.
const trioEnv = "GATHERORDER_TRIO_PYTHON"

// TrioInterpreters lists every interpreter that imports Trio 0.22: those
// under PyenvVersions (Interpreters), then /usr/bin/python3 (Debian's
// python3-trio), each once. $GATHERORDER_TRIO_PYTHON, if set, comes first.
func TrioInterpreters() ([]TrioInterpreter, error) {
	var cands []string
	if env := os.Getenv(trioEnv); env != "" {
		cands = append(cands, env)
	}
	its, err := Interpreters()
	if err != nil {
		return nil, err
	}
	for _, it := range its {
		cands = append(cands, it.Path)
	}
	cands = append(cands, "/usr/bin/python3")
	var out []TrioInterpreter
	seen := map[string]bool{}
	for _, c := range cands {
		it, err := probeTrio(c)
		if err != nil || seen[it.Path] {
			continue
		}
		seen[it.Path] = true
		out = append(out, it)
	}
	return out, nil
}

// FindTrio returns the first of TrioInterpreters, or an error that says
// how to install Trio.
func FindTrio() (TrioInterpreter, error) {
	its, err := TrioInterpreters()
	if err != nil {
		return TrioInterpreter{}, err
	}
	if len(its) == 0 {
		return TrioInterpreter{}, fmt.Errorf("oracle: no interpreter imports Trio %s.x; %s", TrioMinor, TrioInstallHint)
	}
	return its[0], nil
}

var trioProbed struct {
	sync.Mutex
	m map[string]trioProbe
}

type trioProbe struct {
	it  TrioInterpreter
	err error
}

// probeTrio asks the interpreter at path for its CPython and Trio
// versions (cached per path); Trio other than 0.22.x is an error.
func probeTrio(path string) (TrioInterpreter, error) {
	trioProbed.Lock()
	defer trioProbed.Unlock()
	if r, ok := trioProbed.m[path]; ok {
		return r.it, r.err
	}
	it, err := probeTrioUncached(path)
	if err != nil {
		err = fmt.Errorf("oracle: %s: %v", path, err)
	}
	if trioProbed.m == nil {
		trioProbed.m = map[string]trioProbe{}
	}
	trioProbed.m[path] = trioProbe{it, err}
	return it, err
}

func probeTrioUncached(path string) (TrioInterpreter, error) {
	base, err := probe(path)
	if err != nil {
		return TrioInterpreter{}, err
	}
	cmd := exec.Command(base.Path, "-I", "-c", "import trio; print(trio.__version__)")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return TrioInterpreter{}, fmt.Errorf("CPython %s does not import trio (%s); %s", base.Version, lastLine(errb.String()), TrioInstallHint)
	}
	v := strings.TrimSpace(out.String())
	if !strings.HasPrefix(v, TrioMinor+".") {
		return TrioInterpreter{}, fmt.Errorf("imports Trio %s; the model is Trio %s.x's", v, TrioMinor)
	}
	return TrioInterpreter{Interpreter: base, Trio: v}, nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// TrioMode is how the driver throws Trio's batch coins.
type TrioMode uint8

const (
	// TrioCoins scripts the coins: TrioRequest.Coins[k] is the direction
	// of the k-th batch of two or more tasks (missing ones run in runq
	// order). One run.
	TrioCoins TrioMode = iota
	// TrioSeeded seeds Trio's own random.Random: one run per seed, each
	// with the Mersenne Twister stream Trio draws one coin per pass from.
	TrioSeeded
	// TrioEnumerate runs every coin sequence, depth first: Trio's exact
	// distribution, one run per path.
	TrioEnumerate
)

var trioModes = [...]string{TrioCoins: "coins", TrioSeeded: "seeded", TrioEnumerate: "enumerate"}

func (m TrioMode) String() string {
	if int(m) < len(trioModes) {
		return trioModes[m]
	}
	return "TrioMode(" + strconv.Itoa(int(m)) + ")"
}

// TrioRequest is what to do with one workload.
type TrioRequest struct {
	Mode     TrioMode
	Coins    []bool   // TrioCoins
	Seeds    []uint64 // TrioSeeded
	MaxPaths int      // TrioEnumerate: more paths is an error (0: 4096)
	// Ties is model.TiesArmed (the driver keys the deadline heap by an
	// arming counter: equal deadlines expire in arming order, as in
	// model.Trio.Distribution) or model.TiesHeapq (Trio's own key,
	// id(cancel_scope): an order the workload does not determine).
	Ties model.TieRule
	// Mock runs the stock trio.testing.MockClock(autojump_threshold=0)
	// instead of the driver's integer clock: workloads without io whose
	// durations sum to less than 2^53 ns (MockClock's time is a float).
	Mock bool
}

// TrioRun is one run of Trio.
type TrioRun struct {
	// Coins are the directions of the run's batches of two or more tasks,
	// in order (true: reversed, the tasks ran last-in first).
	Coins []bool
	// Finish[i] is the instant task i (an index into w.Tasks) returned;
	// Makespan the largest (0 without tasks).
	Finish   []model.Duration
	Makespan model.Duration
	// Segments are the cpu steps in the order they ran (Iter 0).
	Segments []model.Segment
	// Passes counts the run loop's passes of the whole trio.run, setup and
	// teardown included (it exceeds the model's count: drivers/README.md).
	Passes int
}

// Result is the run as a Result, for Same and Diff.
func (r TrioRun) Result() Result {
	return Result{Finish: r.Finish, Makespan: r.Makespan, Segments: r.Segments}
}

// Run does req with w, its tasks started in order (nil: the given order).
func (p *Trio) Run(w *model.Workload, order []int, req TrioRequest) ([]TrioRun, error) {
	rs, err := p.RunBatch([]*model.Workload{w}, [][]int{order}, []TrioRequest{req})
	if err != nil {
		return nil, err
	}
	return rs[0], nil
}

// RunBatch does reqs[k] with ws[k] in orders[k] (orders may be nil) in
// one pipelined exchange. An error the driver reports for one workload
// leaves the others' runs and names the first failing index.
func (p *Trio) RunBatch(ws []*model.Workload, orders [][]int, reqs []TrioRequest) ([][]TrioRun, error) {
	if (orders != nil && len(orders) != len(ws)) || len(reqs) != len(ws) {
		return nil, fmt.Errorf("oracle: %d workloads, %d orders, %d requests", len(ws), len(orders), len(reqs))
	}
	lines := make([][]byte, len(ws))
	base := p.d.reserveIDs(len(ws))
	for k, w := range ws {
		var ord []int
		if orders != nil {
			ord = orders[k]
		}
		perm, err := model.CheckOrder(w, ord)
		if err != nil {
			return nil, fmt.Errorf("oracle: workload %d: %w", k, err)
		}
		line, err := encodeTrio(base+int64(k), w, perm, reqs[k])
		if err != nil {
			return nil, fmt.Errorf("oracle: workload %d: %w", k, err)
		}
		lines[k] = line
	}
	resps, err := p.d.exchange(lines)
	if err != nil {
		return nil, err
	}
	return decodeBatch(p.d, resps, func(k int, line []byte) ([]TrioRun, error) {
		return decodeTrio(line, base+int64(k), ws[k], reqs[k])
	})
}

func tiesWire(t model.TieRule) (string, error) {
	switch t {
	case model.TiesArmed:
		return "armed", nil
	case model.TiesHeapq:
		return "trio", nil
	}
	return "", fmt.Errorf("unknown tie rule %d", t)
}

// encodeTrio is encodeRequest's line with the request's fields added.
func encodeTrio(id int64, w *model.Workload, perm []int, req TrioRequest) ([]byte, error) {
	ties, err := tiesWire(req.Ties)
	if err != nil {
		return nil, err
	}
	if int(req.Mode) >= len(trioModes) {
		return nil, fmt.Errorf("unknown Trio mode %d", req.Mode)
	}
	b := encodeRequest(nil, id, w, perm)
	b = b[:len(b)-2] // drop "}\n"
	b = append(b, `,"mode":"`...)
	b = append(b, req.Mode.String()...)
	b = append(b, `","ties":"`...)
	b = append(b, ties...)
	b = append(b, `","clock":"`...)
	if req.Mock {
		b = append(b, "mock"...)
	} else {
		b = append(b, "virtual"...)
	}
	b = append(b, '"')
	switch req.Mode {
	case TrioCoins:
		b = append(b, `,"coins":[`...)
		for i, c := range req.Coins {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "01"[boolInt(c)])
		}
		b = append(b, ']')
	case TrioSeeded:
		b = append(b, `,"seeds":[`...)
		for i, s := range req.Seeds {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendUint(b, s, 10)
		}
		b = append(b, ']')
	case TrioEnumerate:
		mp := req.MaxPaths
		if mp <= 0 {
			mp = 4096
		}
		b = append(b, `,"max_paths":`...)
		b = strconv.AppendInt(b, int64(mp), 10)
	}
	return append(b, "}\n"...), nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type wireTrio struct {
	ID    *int64        `json:"id"`
	Error *string       `json:"error"`
	Runs  []wireTrioRun `json:"runs"`
	Ties  string        `json:"ties"`
	Clock string        `json:"clock"`
}

type wireTrioRun struct {
	Coins    []int             `json:"coins"`
	Finish   map[string]*int64 `json:"finish"`
	Makespan int64             `json:"makespan"`
	Segments []wireSegment     `json:"segments"`
	Passes   int               `json:"passes"`
}

func decodeTrio(line []byte, id int64, w *model.Workload, req TrioRequest) ([]TrioRun, error) {
	var r wireTrio
	if err := json.Unmarshal(line, &r); err != nil {
		return nil, protocolError{fmt.Sprintf("unreadable response %q: %v", line, err)}
	}
	if r.ID == nil || *r.ID != id {
		return nil, protocolError{fmt.Sprintf("response %q does not answer request %d", line, id)}
	}
	if r.Error != nil {
		return nil, fmt.Errorf("Trio driver: %s", *r.Error)
	}
	ties, _ := tiesWire(req.Ties)
	clock := map[bool]string{false: "virtual", true: "mock"}[req.Mock]
	if r.Ties != ties || r.Clock != clock {
		return nil, protocolError{fmt.Sprintf("response %d ran ties %q and clock %q, not %q and %q", id, r.Ties, r.Clock, ties, clock)}
	}
	n := len(w.Tasks)
	out := make([]TrioRun, len(r.Runs))
	for k, wr := range r.Runs {
		run := TrioRun{Finish: make([]model.Duration, n), Makespan: model.Duration(wr.Makespan), Passes: wr.Passes}
		for _, c := range wr.Coins {
			if c != 0 && c != 1 {
				return nil, protocolError{fmt.Sprintf("response %d: coin %d", id, c)}
			}
			run.Coins = append(run.Coins, c == 1)
		}
		if len(wr.Finish) != n {
			return nil, protocolError{fmt.Sprintf("response %d has %d finish times for %d tasks", id, len(wr.Finish), n)}
		}
		for name, f := range wr.Finish {
			i, ok := taskIndex(name, n)
			if !ok || f == nil {
				return nil, protocolError{fmt.Sprintf("response %d: bad finish of task %q", id, name)}
			}
			run.Finish[i] = model.Duration(*f)
		}
		for _, s := range wr.Segments {
			i, ok := taskIndex(s.Task, n)
			if !ok || s.Step < 0 || s.Step >= len(w.Tasks[i].Steps) {
				return nil, protocolError{fmt.Sprintf("response %d has a segment of unknown task/step %q/%d", id, s.Task, s.Step)}
			}
			run.Segments = append(run.Segments, model.Segment{Task: i, Step: s.Step, Start: model.Duration(s.Start), End: model.Duration(s.End)})
		}
		out[k] = run
	}
	if want := map[TrioMode]int{TrioCoins: 1, TrioSeeded: len(req.Seeds)}; req.Mode != TrioEnumerate && len(out) != want[req.Mode] {
		return nil, protocolError{fmt.Sprintf("response %d has %d runs, not %d", id, len(out), want[req.Mode])}
	}
	if req.Mode == TrioEnumerate && len(out) == 0 {
		return nil, errors.New("Trio driver: enumeration without a path")
	}
	return out, nil
}
