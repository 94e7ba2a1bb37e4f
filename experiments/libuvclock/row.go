package libuvclock

import (
	"fmt"
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
	FinErrMs, FinErrOtherMs, FinErrBestMs         float64
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

// WriteCSV writes rows to path through a temporary file, so that a failed
// run leaves an existing file alone.
func WriteCSV(path string, rows []Row) error {
	return csvfile.WriteRows(path, Header, rows, Row.record)
}

// ReadCSV reads and checks a CSV that WriteCSV wrote; errors name the file
// and line.
func ReadCSV(path string) ([]Row, error) {
	return csvfile.ReadRows(path, Header, "libuv real-clock data", "it is measured by `make measure-libuv`", parseRecord)
}

func parseRecord(rec []string) (Row, error) {
	f := csvfile.Fields{Header: Header, Rec: rec}
	r := Row{Runtime: rec[0], ID: f.Int(1), Class: realclock.Class(rec[2]), Policy: rec[3], Tasks: f.Int(4),
		PredMs: f.Float(5), OtherMs: f.Float(6), Ties: rec[7] == "yes",
		AsyncioMs: f.Float(8), UVLoopMs: f.Float(9), NodeMs: f.Float(10),
		MedMs: f.Float(11), MinMs: f.Float(12), MaxMs: f.Float(13),
		FinErrMs: f.Float(14), FinErrOtherMs: f.Float(15), FinErrBestMs: f.Float(16),
		FinErrAsyncioMs: f.Float(17), FinErrUVLoopMs: f.Float(18), FinErrNodeMs: f.Float(19), Discriminates: rec[20] == "yes",
		Repeats: f.Int(21), Versions: rec[22], Machine: rec[23], Load: rec[24]}
	if r.Load != "" {
		f.Float(24)
	}
	switch {
	case f.Err != nil:
		return Row{}, f.Err
	case !slices.ContainsFunc(Runtimes, func(rt Runtime) bool { return rt.Name == r.Runtime }):
		return Row{}, fmt.Errorf("runtime %q is not asyncio, uvloop, node or node-block", r.Runtime)
	case r.Policy != "lif" && r.Policy != "sif":
		return Row{}, fmt.Errorf("policy %q is not lif or sif", r.Policy)
	case rec[7] != "yes" && rec[7] != "no", rec[20] != "yes" && rec[20] != "no":
		return Row{}, fmt.Errorf("ties %q or discriminating %q is not yes or no", rec[7], rec[20])
	}
	return r, nil
}
