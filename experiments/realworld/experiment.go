package realworld

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gatherorder/gatherorder/experiments/hop"
	"github.com/gatherorder/gatherorder/experiments/machine"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/record"
)

//go:embed scripts/*.py
var scripts embed.FS

// Setup is one of the seed thread's setups rebuilt with a real library.
type Setup struct {
	Name   string
	Script string   // in scripts/
	Server string   // "flask", "go", "postgres" or "slowtls"
	Args   []string // extra client arguments
	About  string
	// RoundsFactor multiplies Config.Reps for this setup (0 means 1): real
	// CPU work varies between runs far more than time.sleep does.
	RoundsFactor int
}

// Setups are the experiment's setups, in the order they run.
var Setups = []Setup{
	{"httpx-shared-client", "httpx_shared.py", "flask", nil,
		"the asker's httpx client: one shared AsyncClient (cold), time.sleep CPU", 0},
	{"psycopg-connection-per-query", "psycopg_per_query.py", "postgres", nil,
		"the asker's PostgreSQL setup: a new psycopg.AsyncConnection per query, SELECT pg_sleep(d), time.sleep CPU", 0},
	{"httpx-client-per-request", "httpx_per_request.py", "flask", nil,
		"the asker's last variant: time.sleep CPU, a new AsyncClient per request", 0},
	{"httpx-pooled-warm", "httpx_pooled.py", "go", nil,
		"one AsyncClient whose pool holds a warm connection per task, time.sleep CPU", 0},
	{"aiohttp-pooled-warm", "aiohttp_pooled.py", "go", nil,
		"one aiohttp ClientSession whose connector holds a warm connection per task, time.sleep CPU", 0},
	{"httpx-slow-connect", "httpx_slow_connect.py", "slowtls", nil,
		"a new AsyncClient per request to an HTTPS server that answers each handshake one unit late", 0},
	{"httpx-pooled-warm-real-cpu", "httpx_pooled.py", "go", []string{"--cpu", "work"},
		"the warm pooled client with real CPU work (JSON parsing and SHA-256) instead of time.sleep", 3},
}

// Config is one run of the experiment.
type Config struct {
	Python  string        // the interpreter with the libraries (Debian's /usr/bin/python3)
	Unit    time.Duration // the scaled unit (the thread's 1 s)
	Delays  []int         // the waits in units, longest first: the recorded order
	Reps    int           // repetitions per order (and recorded)
	Timeout time.Duration // limit of each client run
	Only    []string      // setup names to run (all if empty)
	Log     io.Writer     // progress (nil: none)
}

// Measurement is one setup's result.
type Measurement struct {
	Setup    Setup
	Recorded []int            // the recorded gather order (delays in units)
	Site     record.Gather    // the recorded gather's shape with the most calls
	File     *record.File     // every recorded run, merged
	Orders   []OrderResult    // every order
	Overhead []model.Duration // the recorded run's own makespans (its stdout)
	// Calls are the recorded calls of the gather, every shape.
	Calls    []RecordedCall
	Versions string
	Machine  string
	Load     string
}

// RecordedCall is one recorded call of the setup's gather.
type RecordedCall struct {
	Workload *model.Workload
	Measured model.Duration // the recorder's makespan of the call
	Replayed model.Duration // the model's makespan of Workload in the recorded order
	CPU      model.Duration // the call's total cpu
	Added    model.Duration // the recorder's hook invocations times their measured cost
}

// OrderResult is one gather order: the model's prediction from the
// recording and the real runs' makespans.
type OrderResult struct {
	Delays      []int
	Predicted   model.Duration   // the median of Predictions
	Predictions []model.Duration // one per recorded call
	Measured    []model.Duration
}

// Run measures every setup (or cfg.Only), starting and stopping the
// servers each needs.
func Run(ctx context.Context, cfg Config) ([]Measurement, error) {
	dir, err := os.MkdirTemp("", "gatherorder-realworld-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := writeScripts(dir); err != nil {
		return nil, err
	}
	versions, err := libraryVersions(cfg.Python)
	if err != nil {
		return nil, err
	}
	var out []Measurement
	for _, s := range Setups {
		if len(cfg.Only) > 0 && !contains(cfg.Only, s.Name) {
			continue
		}
		logf(cfg.Log, "%s: %s\n", s.Name, s.About)
		m, err := measure(ctx, cfg, dir, s, versions)
		if err != nil {
			return out, fmt.Errorf("%s: %w", s.Name, err)
		}
		out = append(out, m)
	}
	return out, nil
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}

func writeScripts(dir string) error {
	ents, err := scripts.ReadDir("scripts")
	if err != nil {
		return err
	}
	for _, e := range ents {
		b, err := scripts.ReadFile("scripts/" + e.Name())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// libraryVersions is the interpreter's and the libraries' versions.
func libraryVersions(python string) (string, error) {
	const probe = `import platform, importlib.metadata as m
out = ["python " + platform.python_version()]
for d in ("httpx", "httpcore", "anyio", "aiohttp", "psycopg", "flask", "werkzeug"):
    try:
        out.append(d + " " + m.version(d))
    except Exception:
        out.append(d + " missing")
try:
    import psycopg
    out.append("libpq %d" % psycopg.pq.version())
except Exception:
    pass
print("; ".join(out))`
	b, err := exec.Command(python, "-c", probe).Output()
	if err != nil {
		return "", fmt.Errorf("%s: %v (scripts/setup-realworld.sh installs Debian's python3 with the libraries)", python, err)
	}
	v := strings.TrimSpace(string(b))
	if strings.Contains(v, "missing") {
		return "", fmt.Errorf("%s lacks a library (%s): run scripts/setup-realworld.sh", python, v)
	}
	return v, nil
}

// permutations of xs in lexicographic order of positions.
func permutations(xs []int) [][]int {
	if len(xs) <= 1 {
		return [][]int{append([]int(nil), xs...)}
	}
	var out [][]int
	for i := range xs {
		rest := append(append([]int(nil), xs[:i]...), xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{xs[i]}, p...))
		}
	}
	return out
}

func join(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

func measure(ctx context.Context, cfg Config, dir string, s Setup, versions string) (Measurement, error) {
	m := Measurement{Setup: s, Recorded: cfg.Delays, Versions: versions}
	if s.RoundsFactor > 1 {
		cfg.Reps *= s.RoundsFactor
	}
	orders := permutations(cfg.Delays)
	requests := (len(orders) + 1) * cfg.Reps * len(cfg.Delays) * 2
	var srv server
	var err error
	switch s.Server {
	case "flask":
		srv, err = startFlask(cfg.Python, dir, requests)
	case "go":
		var hs *hop.Server
		hs, err = hop.StartServer(int64(requests))
		srv = goServer{hs}
	case "postgres":
		var pg *postgres
		pg, err = startPostgres()
		if err == nil {
			srv = pg
			m.Versions += "; " + pg.Version()
		}
	case "slowtls":
		srv, err = startSlowTLS(cfg.Unit, requests)
	default:
		err = fmt.Errorf("unknown server %q", s.Server)
	}
	if err != nil {
		return m, err
	}
	defer srv.Close()
	mc := machine.This()
	m.Machine, m.Load = mc.Platform()+fmt.Sprintf(", %d CPUs", mc.CPUs), mc.Load1
	script := filepath.Join(dir, s.Script)
	base := append([]string{script, "--unit", strconv.FormatFloat(cfg.Unit.Seconds(), 'f', -1, 64), "--reps", "1"}, srv.Arg()...)
	base = append(base, s.Args...)
	if contains(s.Args, "work") {
		// Real CPU work: a fixed amount, calibrated once to about one unit.
		b, err := exec.CommandContext(ctx, cfg.Python, append(base, "--calibrate")...).Output()
		if err != nil {
			return m, fmt.Errorf("calibrating: %v", err)
		}
		base = append(base, "--work", strings.TrimSpace(string(b)))
	}
	site, err := mainSite(s.Script)
	if err != nil {
		return m, err
	}
	// Rounds: in each, one recorded run in the recorded order and one real
	// run of every order, so that a drift of the machine's load touches
	// every order and the recording alike.
	var raws []*record.Raw
	measured := make([][]model.Duration, len(orders))
	for round := 0; round < cfg.Reps; round++ {
		var out bytes.Buffer
		var stderr tail
		res, err := record.Run(ctx, record.Config{
			Command: append([]string{cfg.Python}, append(base, "--order", join(cfg.Delays))...),
			Timeout: cfg.Timeout, Stdout: &out, Stderr: &stderr,
		})
		if err != nil {
			return m, fmt.Errorf("recording: %v", err)
		}
		if res.ExitCode != 0 || res.File == nil {
			return m, fmt.Errorf("recording: the client exited with status %d: %s", res.ExitCode, stderr.String())
		}
		ms, err := makespans(out.Bytes(), 1)
		if err != nil {
			return m, fmt.Errorf("recording: %v", err)
		}
		m.Overhead = append(m.Overhead, ms...)
		raws = append(raws, res.Raws...)
		for k, o := range orders {
			ms, err := clientRun(ctx, cfg, append(base, "--order", join(o)))
			if err != nil {
				return m, fmt.Errorf("order %s: %v", join(o), err)
			}
			measured[k] = append(measured[k], ms...)
		}
		logf(cfg.Log, "  round %d of %d done\n", round+1, cfg.Reps)
	}
	file, err := record.Merge(raws, []string{"python3", s.Script})
	if err != nil {
		return m, err
	}
	m.File = file
	var calls []*model.Workload
	for _, g := range file.Gathers {
		if g.Site != site {
			continue
		}
		if m.Site.Workload == nil || g.Calls > m.Site.Calls {
			m.Site = g
		}
		for k := 0; k < g.Calls; k++ {
			w := g.CallWorkload(k)
			calls = append(calls, w)
			c := RecordedCall{Workload: w, Measured: g.Makespans[k], Replayed: model.Simulate(w, nil).Makespan}
			for _, t := range w.Tasks {
				for _, st := range t.Steps {
					if st.Kind == model.CPU {
						c.CPU += st.D
					}
				}
			}
			m.Calls = append(m.Calls, c)
		}
	}
	// The recorder's own time in each call: its hook invocations times the
	// cost per invocation it measured in that run (Raw.EventPS). Merge
	// keeps the calls of a site in the runs' order, so the k-th raw call
	// at the site is the k-th of m.Calls only per shape: match on the
	// measured makespan, which is the same number in both.
	for _, r := range raws {
		for _, c := range r.Calls {
			if c.Site != site {
				continue
			}
			for i := range m.Calls {
				if m.Calls[i].Measured == model.Duration(c.MakespanNS) && m.Calls[i].Added == 0 {
					m.Calls[i].Added = model.Duration(c.Events * r.EventPS / 1000)
					break
				}
			}
		}
	}
	if len(calls) == 0 {
		return m, fmt.Errorf("the recording has no gather at %s", site)
	}
	logf(cfg.Log, "  recorded %s: %d calls in %d shapes\n", site, len(calls), len(calls)-m.Site.Calls+1)
	// Each recorded call predicts every order from the workload it ran;
	// the prediction is the median over the calls (the calls differ in
	// shape now and then: a reply read in two parts, a turn more).
	for k, o := range orders {
		idx, err := positions(cfg.Delays, o)
		if err != nil {
			return m, err
		}
		preds := make([]model.Duration, len(calls))
		for i, w := range calls {
			preds[i] = model.Simulate(w, idx).Makespan
		}
		pred := record.Median(preds)
		m.Orders = append(m.Orders, OrderResult{Delays: o, Predicted: pred, Predictions: preds, Measured: measured[k]})
		logf(cfg.Log, "  order %s: predicted %s ms, measured median %s ms\n", join(o), model.Format(pred, model.Millisecond), model.Format(record.Median(measured[k]), model.Millisecond))
	}
	return m, nil
}

// clientRun runs the client once without the recorder.
func clientRun(ctx context.Context, cfg Config, args []string) ([]model.Duration, error) {
	var out bytes.Buffer
	var stderr tail
	rctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	cmd := exec.CommandContext(rctx, cfg.Python, args...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%v: %s", err, stderr.String())
	}
	return makespans(out.Bytes(), 1)
}

// positions maps a gather order of delays to task indices of the
// recording, whose tasks ran in the order recorded.
func positions(recorded, order []int) ([]int, error) {
	idx := make([]int, len(order))
	used := make([]bool, len(recorded))
	for k, d := range order {
		idx[k] = -1
		for i, r := range recorded {
			if r == d && !used[i] {
				idx[k], used[i] = i, true
				break
			}
		}
		if idx[k] < 0 {
			return nil, fmt.Errorf("order %v is not a permutation of %v", order, recorded)
		}
	}
	return idx, nil
}

// makespans reads the client's JSON lines, exactly reps of them.
func makespans(out []byte, reps int) ([]model.Duration, error) {
	var ms []model.Duration
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var l struct {
			Rep        int   `json:"rep"`
			MakespanNS int64 `json:"makespan_ns"`
		}
		d := json.NewDecoder(strings.NewReader(sc.Text()))
		d.DisallowUnknownFields()
		if err := d.Decode(&l); err != nil || l.MakespanNS <= 0 || l.Rep != len(ms) {
			return nil, fmt.Errorf("unexpected client output %q", sc.Text())
		}
		ms = append(ms, model.Duration(l.MakespanNS))
	}
	if len(ms) != reps {
		return nil, fmt.Errorf("the client printed %d makespans, want %d", len(ms), reps)
	}
	return ms, nil
}

// mainSite is the site of the line marked "# the gather" in the script.
func mainSite(script string) (string, error) {
	b, err := scripts.ReadFile("scripts/" + script)
	if err != nil {
		return "", err
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), "# the gather") {
			return fmt.Sprintf("%s:%d", script, i+1), nil
		}
	}
	return "", errors.New(script + ": no line marked # the gather")
}
