package libuvclock

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/gatherorder/gatherorder/experiments/internal/csvfile"
	"github.com/gatherorder/gatherorder/experiments/realclock"
)

// Header is the header of experiments/data/libuvclock.csv.
var Header = []string{"runtime", "id", "class", "policy", "n_tasks", "predicted_ms", "predicted_other_rule_ms", "ties",
	"predicted_asyncio_ms", "predicted_uvloop_ms", "predicted_node_ms",
	"measured_median_ms", "measured_min_ms", "measured_max_ms",
	"finish_error_ms", "finish_error_other_rule_ms", "finish_error_best_repeat_ms",
	"finish_error_vs_asyncio_ms", "finish_error_vs_uvloop_ms", "finish_error_vs_node_ms", "discriminating",
	"repeats", "versions", "machine", "loadavg1"}

// Row is one line of the CSV: one workload in one order ("lif" or "sif")
// on one runtime, all times in ms.
type Row struct {
	Runtime string // "asyncio", "uvloop", "node" or "node-block" (Runtimes)
	ID      int
	Class   realclock.Class
	Policy  string
	Tasks   int
	// PredMs is the runtime's model under its real-clock tie rule, OtherMs
	// under the other rule; Ties says whether the run has waits due at one
	// instant (HasTies).
	PredMs, OtherMs float64
	Ties            bool
	// Every runtime's PredMs for the same workload and order.
	AsyncioMs, UVLoopMs, NodeMs float64
	// The measured makespan's median over the repeats, and its range.
	MedMs, MinMs, MaxMs float64
	// FinErrMs is the largest |median measured − predicted| finish over the
	// tasks; FinErrOtherMs the same against the other tie rule,
	// FinErrBestMs against the repeat that fits best, and the FinErr of
	// each runtime against its prediction.
	FinErrMs, FinErrOtherMs, FinErrBestMs          float64
	FinErrAsyncioMs, FinErrUVLoopMs, FinErrNodeMs float64
	// Discriminates says whether another runtime predicts other finishes.
	Discriminates bool
	Repeats       int
	// Versions names the interpreter, loop and libuv; Machine is
	// machine.Machine's Platform; Load the one-minute load average when
	// the row was measured.
	Versions, Machine, Load string
}

func (r Row) record() []string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	return []string{r.Runtime, strconv.Itoa(r.ID), string(r.Class), r.Policy, strconv.Itoa(r.Tasks), f(r.PredMs), f(r.OtherMs), yes(r.Ties),
		f(r.AsyncioMs), f(r.UVLoopMs), f(r.NodeMs), f(r.MedMs), f(r.MinMs), f(r.MaxMs),
		f(r.FinErrMs), f(r.FinErrOtherMs), f(r.FinErrBestMs), f(r.FinErrAsyncioMs), f(r.FinErrUVLoopMs), f(r.FinErrNodeMs), yes(r.Discriminates),
		strconv.Itoa(r.Repeats), r.Versions, r.Machine, r.Load}
}

// WriteCSV writes rows to path through a temporary file.
func WriteCSV(path string, rows []Row) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(Header)
	for _, r := range rows {
		w.Write(r.record())
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// ReadCSV reads and checks a CSV that WriteCSV wrote; errors name the file
// and line.
func ReadCSV(path string) ([]Row, error) {
	recs, err := csvfile.Read(path, Header, "libuv real-clock data", "it is measured by `make measure-libuv`")
	if err != nil {
		return nil, err
	}
	rows := make([]Row, len(recs))
	for i, rec := range recs {
		if rows[i], err = parseRecord(rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, csvfile.Line(i), err)
		}
	}
	return rows, nil
}

func parseRecord(rec []string) (Row, error) {
	var errs []error
	num := func(k int) float64 {
		x, err := strconv.ParseFloat(rec[k], 64)
		if err != nil {
			errs = append(errs, fmt.Errorf("field %s: %q is not a number", Header[k], rec[k]))
		}
		return x
	}
	atoi := func(k int) int {
		x, err := strconv.Atoi(rec[k])
		if err != nil {
			errs = append(errs, fmt.Errorf("field %s: %q is not a number", Header[k], rec[k]))
		}
		return x
	}
	r := Row{Runtime: rec[0], ID: atoi(1), Class: realclock.Class(rec[2]), Policy: rec[3], Tasks: atoi(4),
		PredMs: num(5), OtherMs: num(6), Ties: rec[7] == "yes",
		AsyncioMs: num(8), UVLoopMs: num(9), NodeMs: num(10),
		MedMs: num(11), MinMs: num(12), MaxMs: num(13),
		FinErrMs: num(14), FinErrOtherMs: num(15), FinErrBestMs: num(16),
		FinErrAsyncioMs: num(17), FinErrUVLoopMs: num(18), FinErrNodeMs: num(19), Discriminates: rec[20] == "yes",
		Repeats: atoi(21), Versions: rec[22], Machine: rec[23], Load: rec[24]}
	if r.Load != "" {
		num(24)
	}
	switch {
	case len(errs) > 0:
		return Row{}, errs[0]
	case !slices.ContainsFunc(Runtimes, func(rt Runtime) bool { return rt.Name == r.Runtime }):
		return Row{}, fmt.Errorf("runtime %q is not asyncio, uvloop, node or node-block", r.Runtime)
	case r.Policy != "lif" && r.Policy != "sif":
		return Row{}, fmt.Errorf("policy %q is not lif or sif", r.Policy)
	case rec[7] != "yes" && rec[7] != "no", rec[20] != "yes" && rec[20] != "no":
		return Row{}, fmt.Errorf("ties %q or discriminating %q is not yes or no", rec[7], rec[20])
	}
	return r, nil
}
