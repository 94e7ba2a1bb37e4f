package hop

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// Run is one measured gather of the client.
type Run struct {
	Variant Variant
	Order   string
	Run     int
	// Makespan and Finish are wall-clock ns since just before gather.
	Makespan model.Duration
	Finish   []model.Duration // in gather order
	Names    []string         // task names in gather order
	Hops     []int            // loop iterations each connection took, gather order
	Python   string
}

type clientLine struct {
	Error      string          `json:"error"`
	Variant    string          `json:"variant"`
	Order      string          `json:"order"`
	Run        int             `json:"run"`
	MakespanNS json.Number     `json:"makespan_ns"`
	FinishNS   json.RawMessage `json:"finish_ns"`
	Hops       json.RawMessage `json:"hops"`
	Python     string          `json:"python"`
}

// runClient runs client.py (its source in script) with python against
// the server on port and returns its runs. The client gets its program on
// stdin, so the orchestrator works from any directory.
func runClient(ctx context.Context, python, script string, port int, sc ClientArgs) ([]Run, error) {
	path, err := exec.LookPath(python)
	if err != nil {
		return nil, fmt.Errorf("%s not found (apt-get install python3): %w", python, err)
	}
	args := []string{"-", "--port", strconv.Itoa(port), "--cpu-ms", strconv.Itoa(sc.CPUMS),
		"--delays-ms", joinInts(sc.DelaysMS), "--runs", strconv.Itoa(sc.Runs), "--variants", "A,B"}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdin = strings.NewReader(script)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var runs []Run
	sc2 := bufio.NewScanner(&stdout)
	sc2.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc2.Scan(); n++ {
		r, err := parseLine(sc2.Bytes())
		if err != nil {
			return nil, fmt.Errorf("client.py output line %d: %w", n, err)
		}
		runs = append(runs, r)
	}
	if runErr != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("client.py: %w", ctx.Err())
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		return nil, fmt.Errorf("client.py: %v %s", runErr, msg)
	}
	if want := sc.Runs * 2 * len(Orders); len(runs) != want {
		return nil, fmt.Errorf("client.py printed %d runs, want %d", len(runs), want)
	}
	return runs, nil
}

// ClientArgs is what the client is asked to run.
type ClientArgs struct {
	CPUMS    int
	DelaysMS []int
	Runs     int
}

func parseLine(b []byte) (Run, error) {
	var l clientLine
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&l); err != nil {
		return Run{}, err
	}
	if l.Error != "" {
		return Run{}, errors.New(l.Error)
	}
	ms, err := strconv.ParseInt(l.MakespanNS.String(), 10, 64)
	if err != nil || ms < 0 {
		return Run{}, fmt.Errorf("makespan_ns %q is not a non-negative integer", l.MakespanNS)
	}
	r := Run{Variant: Variant(l.Variant), Order: l.Order, Run: l.Run, Makespan: model.Duration(ms), Python: l.Python}
	if r.Variant != ConnectAfterCPU && r.Variant != ConnectBeforeCPU {
		return Run{}, fmt.Errorf("unknown variant %q", l.Variant)
	}
	names, fin, err := orderedInts(l.FinishNS)
	if err != nil {
		return Run{}, fmt.Errorf("finish_ns: %w", err)
	}
	hnames, hops, err := orderedInts(l.Hops)
	if err != nil {
		return Run{}, fmt.Errorf("hops: %w", err)
	}
	if strings.Join(names, ",") != strings.Join(hnames, ",") {
		return Run{}, errors.New("finish_ns and hops name different tasks")
	}
	r.Names = names
	for i := range fin {
		r.Finish = append(r.Finish, model.Duration(fin[i]))
		r.Hops = append(r.Hops, int(hops[i]))
	}
	return r, nil
}

// orderedInts reads a JSON object of integers keeping its key order (the
// client writes the keys in gather order).
func orderedInts(raw json.RawMessage) ([]string, []int64, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, errors.New("not an object")
	}
	var keys []string
	var vals []int64
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, nil, err
		}
		v, err := d.Token()
		if err != nil {
			return nil, nil, err
		}
		n, ok := v.(json.Number)
		if !ok {
			return nil, nil, fmt.Errorf("%v: not a number", k)
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || i < 0 {
			return nil, nil, fmt.Errorf("%v: %q is not a non-negative integer", k, n)
		}
		keys, vals = append(keys, k.(string)), append(vals, i)
	}
	return keys, vals, nil
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}
