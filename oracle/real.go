package oracle

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/gatherorder/gatherorder/model"
)

// Real is a driver process with the wall clock (--clock real): cpu steps
// are time.sleep, sleep steps asyncio.sleep, io steps a socketpair whose
// byte a helper thread writes at the arrival instant, on the default epoll
// loop. Durations are real nanoseconds. Safe for concurrent use (runs are
// serialised, so measurements never overlap).
type Real struct {
	d      *driver
	repeat int
	// Version is the CPython version, or Node's for StartNode.
	Version string
	// Loop names the event loop when it is not asyncio's own, with its
	// versions: "uvloop 0.17.0, libuv 1.44.2" (StartUVLoop), "node 20.20.2,
	// libuv 1.46.0" (StartNode).
	Loop string
}

// Measurement is one real run of a workload: wall-clock ns from just
// before gather (time.perf_counter_ns).
type Measurement struct {
	Finish   []model.Duration // indexed like w.Tasks
	Makespan model.Duration
}

// StartReal starts a real-clock driver on CPython 3.11 with gather that
// runs every workload repeat times, each on a fresh event loop with the
// garbage collector paused.
func StartReal(repeat int) (*Real, error) { return StartRealWith(Config{}, repeat) }

// StartRealWith is StartReal on the interpreter and with the spawn style
// of c (as StartWith).
func StartRealWith(c Config, repeat int) (*Real, error) {
	if repeat < 1 {
		return nil, fmt.Errorf("oracle: repeat %d < 1", repeat)
	}
	it, err := c.interpreter()
	if err != nil {
		return nil, err
	}
	if _, err := c.runtime(it); err != nil {
		return nil, err
	}
	d, err := startDriver(it, "--clock", "real", "--ns-per-unit", "1", "--repeat", strconv.Itoa(repeat), "--spawn", c.Spawn.String())
	if err != nil {
		return nil, err
	}
	return &Real{d: d, repeat: repeat, Version: d.version}, nil
}

// Close stops the driver.
func (r *Real) Close() error { return r.d.close() }

// Measure runs w in order (nil: given) repeat times on the wall clock and
// returns every run. It takes about repeat × the makespan of real time.
func (r *Real) Measure(w *model.Workload, order []int) ([]Measurement, error) {
	perm, err := model.CheckOrder(w, order)
	if err != nil {
		return nil, fmt.Errorf("oracle: %w", err)
	}
	id := r.d.reserveIDs(1)
	resps, err := r.d.exchange([][]byte{encodeRequest(nil, id, w, perm)})
	if err != nil {
		return nil, err
	}
	var wr struct {
		ID    *int64  `json:"id"`
		Error *string `json:"error"`
		Runs  []struct {
			Finish   map[string]*int64 `json:"finish"`
			Makespan int64             `json:"makespan"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(resps[0], &wr); err != nil || wr.ID == nil || *wr.ID != id {
		return nil, r.d.failLocked(fmt.Errorf("response %q does not answer request %d", resps[0], id))
	}
	if wr.Error != nil {
		return nil, fmt.Errorf("oracle: driver %s: %s", r.d.python, *wr.Error)
	}
	if len(wr.Runs) != r.repeat {
		return nil, r.d.failLocked(fmt.Errorf("response %d has %d runs, want %d", id, len(wr.Runs), r.repeat))
	}
	n := len(w.Tasks)
	out := make([]Measurement, len(wr.Runs))
	for k, run := range wr.Runs {
		out[k] = Measurement{Finish: make([]model.Duration, n), Makespan: model.Duration(run.Makespan)}
		if len(run.Finish) != n {
			return nil, r.d.failLocked(fmt.Errorf("response %d: %d finish times for %d tasks", id, len(run.Finish), n))
		}
		for name, f := range run.Finish {
			i, ok := taskIndex(name, n)
			if !ok || f == nil {
				return nil, r.d.failLocked(fmt.Errorf("response %d: bad finish entry %q", id, name))
			}
			out[k].Finish[i] = model.Duration(*f)
		}
	}
	return out, nil
}
