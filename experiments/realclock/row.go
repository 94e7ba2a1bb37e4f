package realclock

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
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

// ReadCSV reads and checks a CSV that WriteCSV wrote: the header, at least
// one row, every field count and number, and the policy. Errors name the
// file and line.
func ReadCSV(path string) ([]Row, error) {
	recs, err := csvfile.Read(path, Header, "real-clock data", "it is measured by `make measure`")
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
	r := Row{ID: atoi(0), Class: Class(rec[1]), Policy: rec[2], Tasks: atoi(3),
		PredMs: num(4), MedMs: num(5), MinMs: num(6), MaxMs: num(7), Repeats: atoi(8),
		Python: rec[9], Machine: rec[10], Load: rec[11]}
	if r.Load != "" {
		num(11)
	}
	if len(errs) > 0 {
		return Row{}, errs[0]
	}
	if r.Policy != "lif" && r.Policy != "sif" {
		return Row{}, fmt.Errorf("policy %q is not lif or sif", r.Policy)
	}
	return r, nil
}
