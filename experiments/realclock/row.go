package realclock

import (
	"fmt"
	"strconv"

	"github.com/gatherorder/gatherorder/experiments/internal/csvfile"
)

// Header is the header of experiments/data/realclock.csv.
var Header = []string{"id", "class", "policy", "n_tasks", "predicted_ms", "measured_median_ms",
	"measured_min_ms", "measured_max_ms", "repeats", "python", "machine", "loadavg1"}

// Row is one line of the CSV: one workload in one order ("lif" or
// "sif"), the model's exact prediction and the median, minimum and maximum
// of the measured makespans, all in ms.
type Row struct {
	ID                  int
	Class               Class
	Policy              string
	Tasks               int
	PredMs              float64
	MedMs, MinMs, MaxMs float64
	Repeats             int
	// Python is the CPython version, Machine the machine.Machine's
	// Platform, Load the one-minute load average as /proc/loadavg wrote it
	// when the row was measured ("" if unavailable).
	Python, Machine, Load string
}

// record is r's CSV fields, milliseconds with three decimals.
func (r Row) record() []string {
	ms := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	return []string{strconv.Itoa(r.ID), string(r.Class), r.Policy, strconv.Itoa(r.Tasks),
		ms(r.PredMs), ms(r.MedMs), ms(r.MinMs), ms(r.MaxMs), strconv.Itoa(r.Repeats),
		r.Python, r.Machine, r.Load}
}

// WriteCSV writes rows to path through a temporary file, so that a failed
// run leaves an existing file alone.
func WriteCSV(path string, rows []Row) error {
	return csvfile.WriteRows(path, Header, rows, Row.record)
}

// ReadCSV reads and checks a CSV that WriteCSV wrote: the header, at least
// one row, every field count and number, and the policy. Errors name the
// file and line.
func ReadCSV(path string) ([]Row, error) {
	return csvfile.ReadRows(path, Header, "real-clock data", "it is measured by `make measure`", parseRecord)
}

func parseRecord(rec []string) (Row, error) {
	f := csvfile.Fields{Header: Header, Rec: rec}
	r := Row{ID: f.Int(0), Class: Class(rec[1]), Policy: rec[2], Tasks: f.Int(3),
		PredMs: f.Float(4), MedMs: f.Float(5), MinMs: f.Float(6), MaxMs: f.Float(7), Repeats: f.Int(8),
		Python: rec[9], Machine: rec[10], Load: rec[11]}
	if r.Load != "" {
		f.Float(11)
	}
	if f.Err != nil {
		return Row{}, f.Err
	}
	if r.Policy != "lif" && r.Policy != "sif" {
		return Row{}, fmt.Errorf("policy %q is not lif or sif", r.Policy)
	}
	return r, nil
}
