package oracle

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/gatherorder/gatherorder/model"
)

// Result is what CPython did with one workload in one gather order.
type Result struct {
	// Finish[i] is the virtual instant task i (an index into w.Tasks)
	// returned, in ns.
	Finish []model.Duration
	// Makespan is the largest finish (0 with no tasks).
	Makespan model.Duration
	// Segments are the CPU steps in the order they ran, zero-length ones
	// included; Task indexes w.Tasks and Iter is always 0 (the loop's
	// iteration count is CPython's, not the model's: see Iterations).
	Segments []model.Segment
	// Iterations is the number of CPython _run_once iterations up to the
	// one in which the last task returned (1 = the children's first steps).
	// It can exceed model.Result.Iterations: CPython also queues zero-cost
	// bookkeeping callbacks that the model leaves out (model/SEMANTICS.md §S8).
	Iterations int
	// Version is the CPython version, e.g. "3.11.7".
	Version string
	// Spawn is the spawn style the driver ran (always the Python's).
	Spawn model.Spawn
	// EagerStarts counts the tasks whose coroutine began inside
	// create_task, before the caller awaited: all of them with
	// model.Eager, none otherwise (model/SEMANTICS.md §S11).
	EagerStarts int
}

// Run executes w on CPython with the tasks passed to gather in order (a
// permutation of task indices; nil means the given order). w must be valid
// (model.Workload.Validate); an invalid workload, a bad order or an error
// reported by the driver is returned as an error.
func (p *Python) Run(w *model.Workload, order []int) (Result, error) {
	rs, err := p.RunBatch([]*model.Workload{w}, [][]int{order})
	if err != nil {
		return Result{}, err
	}
	return rs[0], nil
}

// RunBatch runs many workloads in one pipelined exchange with the driver:
// the cost per workload is CPython's, not a pipe round trip. orders may be
// nil (every workload in its given order) or have one entry per workload
// (nil entries mean the given order). Every workload is checked before
// anything is sent. If the driver reports an error for some workloads, the
// others' results are still returned, together with an error naming the
// first failing index.
func (p *Python) RunBatch(ws []*model.Workload, orders [][]int) ([]Result, error) {
	if orders != nil && len(orders) != len(ws) {
		return nil, fmt.Errorf("oracle: %d workloads but %d orders", len(ws), len(orders))
	}
	reqs := make([][]byte, len(ws))
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
		reqs[k] = encodeRequest(nil, base+int64(k), w, perm)
	}
	resps, err := p.d.exchange(reqs)
	if err != nil {
		return nil, err
	}
	return decodeBatch(p.d, resps, func(k int, line []byte) (Result, error) {
		r, err := decodeResult(line, base+int64(k), ws[k])
		if err == nil && r.Spawn != p.Spawn {
			err = protocolError{fmt.Sprintf("response %d ran spawn %s, not the driver's %s", base+int64(k), r.Spawn, p.Spawn)}
		}
		return r, err
	})
}

// decodeBatch decodes a batch's response lines with decode. A protocol
// error breaks the driver (the stream can no longer be trusted); any other
// error is the workload's own, and the others' results are still returned
// with an error naming the first failing index.
func decodeBatch[T any](d *driver, resps [][]byte, decode func(k int, line []byte) (T, error)) ([]T, error) {
	out := make([]T, len(resps))
	var first error
	for k, line := range resps {
		r, err := decode(k, line)
		if err != nil {
			if err, ok := err.(protocolError); ok {
				return nil, d.failLocked(err)
			}
			if first == nil {
				first = fmt.Errorf("oracle: workload %d: %w", k, err)
			}
			continue
		}
		out[k] = r
	}
	return out, first
}

// encodeRequest appends the driver's input line for w in order perm. Task
// at gather position k is named "t<index into w.Tasks>", which keeps
// arbitrary workload names off the wire; durations are integer ns.
func encodeRequest(b []byte, id int64, w *model.Workload, perm []int) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, id, 10)
	if w.Limit.Bounded() {
		b = append(b, `,"limit":{"kind":"`...)
		b = append(b, w.Limit.Kind.String()...)
		b = append(b, `","k":`...)
		b = strconv.AppendInt(b, int64(w.Limit.K), 10)
		b = append(b, '}')
	}
	b = append(b, `,"tasks":[`...)
	for k, i := range perm {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":"t`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `","steps":[`...)
		for j, s := range w.Tasks[i].Steps {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"`...)
			b = append(b, s.Kind.String()...)
			b = append(b, `":`...)
			b = strconv.AppendInt(b, int64(s.D), 10)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	return append(b, "]}\n"...)
}

// protocolError is a response that does not fit the request it answers:
// the stream can no longer be trusted.
type protocolError struct{ msg string }

func (e protocolError) Error() string { return e.msg }

type wireResult struct {
	ID          *int64            `json:"id"`
	Error       *string           `json:"error"`
	Finish      map[string]*int64 `json:"finish"`
	Makespan    int64             `json:"makespan"`
	Segments    []wireSegment     `json:"segments"`
	Iterations  int               `json:"iterations"`
	EagerStarts int               `json:"eager_starts"`
	Python      string            `json:"python"`
	Spawn       string            `json:"spawn"`
}

type wireSegment struct {
	Task       string
	Step       int
	Start, End int64
}

func (s *wireSegment) UnmarshalJSON(b []byte) error {
	var a [4]json.RawMessage
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	if err := json.Unmarshal(a[0], &s.Task); err != nil {
		return err
	}
	if err := json.Unmarshal(a[1], &s.Step); err != nil {
		return err
	}
	if err := json.Unmarshal(a[2], &s.Start); err != nil {
		return err
	}
	return json.Unmarshal(a[3], &s.End)
}

// taskIndex maps a wire name "t<i>" back to i.
func taskIndex(name string, n int) (int, bool) {
	if len(name) < 2 || name[0] != 't' {
		return 0, false
	}
	i, err := strconv.Atoi(name[1:])
	// Only the exact spelling t<i> that Run sends: "t01" or "t+1" would
	// alias another task and let a broken reply pass the key count check.
	return i, err == nil && i >= 0 && i < n && strconv.Itoa(i) == name[1:]
}

func decodeResult(line []byte, id int64, w *model.Workload) (Result, error) {
	var r wireResult
	if err := json.Unmarshal(line, &r); err != nil {
		return Result{}, protocolError{fmt.Sprintf("unreadable response %q: %v", line, err)}
	}
	if r.ID == nil || *r.ID != id {
		if r.Error != nil {
			return Result{}, protocolError{fmt.Sprintf("driver error without matching id (want %d): %s", id, *r.Error)}
		}
		return Result{}, protocolError{fmt.Sprintf("response %q does not answer request %d", line, id)}
	}
	if r.Error != nil {
		return Result{}, fmt.Errorf("CPython driver: %s", *r.Error)
	}
	spawn, err := model.ParseSpawn(r.Spawn)
	if err != nil {
		return Result{}, protocolError{fmt.Sprintf("response %d: %v", id, err)}
	}
	n := len(w.Tasks)
	res := Result{
		Finish:      make([]model.Duration, n),
		Makespan:    model.Duration(r.Makespan),
		Segments:    make([]model.Segment, 0, len(r.Segments)),
		Iterations:  r.Iterations,
		Version:     r.Python,
		Spawn:       spawn,
		EagerStarts: r.EagerStarts,
	}
	if len(r.Finish) != n {
		return Result{}, protocolError{fmt.Sprintf("response %d has %d finish times for %d tasks", id, len(r.Finish), n)}
	}
	for name, f := range r.Finish {
		i, ok := taskIndex(name, n)
		if !ok {
			return Result{}, protocolError{fmt.Sprintf("response %d names unknown task %q", id, name)}
		}
		if f == nil {
			return Result{}, protocolError{fmt.Sprintf("response %d: task %q has no finish time", id, name)}
		}
		res.Finish[i] = model.Duration(*f)
	}
	for _, s := range r.Segments {
		i, ok := taskIndex(s.Task, n)
		if !ok || s.Step < 0 || s.Step >= len(w.Tasks[i].Steps) {
			return Result{}, protocolError{fmt.Sprintf("response %d has a segment of unknown task/step %q/%d", id, s.Task, s.Step)}
		}
		res.Segments = append(res.Segments, model.Segment{Task: i, Step: s.Step, Start: model.Duration(s.Start), End: model.Duration(s.End)})
	}
	return res, nil
}

// reserveIDs returns the first of n fresh request ids. Ids let every
// response be checked against its request, so a lost line is detected
// instead of shifting all later results.
func (d *driver) reserveIDs(n int) int64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	id := d.nextID
	d.nextID += int64(n)
	return id
}

// failLocked marks the driver broken from outside exchange.
func (d *driver) failLocked(err error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.fail(err)
}
