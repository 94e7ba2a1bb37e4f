package realworld

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/experiments/internal/csvfile"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/record"
)

// Header is the header of experiments/data/realworld.csv.
var Header = []string{"setup", "order", "role", "runs", "predicted_ms", "median_ms", "min_ms", "max_ms",
	"error_pct", "overhead_pct", "accounted_pct", "replay_error_pct", "cpu_spread_pct", "runs_ms", "waits_before",
	"versions", "machine", "load", "nice"}

// Row is one line of experiments/data/realworld.csv: one setup and gather
// order, its prediction from the recording and its measured makespans.
// Role "real" rows are runs without the recorder; the one "recorded" row
// of a setup is the recorded runs' own makespans (the program's own
// clock, under the recorder) in the recorded order, with the recorder's
// overhead against the real runs of that order.
type Row struct {
	Setup     string
	Order     []int // the waits in units, in gather order
	Role      string
	Predicted model.Duration
	Runs      []model.Duration // the measured makespans
	// Set on the recorded row only: OverheadPct is the recorded runs'
	// median makespan against the real runs' of the same order;
	// AccountedPct the median over the recorded calls of the time the
	// recorder's hooks took (invocations times their measured cost) in
	// percent of the call's makespan; ReplayErrorPct the largest error of
	// the model replaying a recorded call in the recorded order against
	// that call's measured makespan; CPUSpreadPct the spread (max - min)
	// of the calls' total CPU time in percent of its median: how much the
	// same work varied between runs.
	OverheadPct, AccountedPct, ReplayErrorPct, CPUSpreadPct string
	// WaitsBefore, on the recorded row: for each task (by its wait in
	// units), how many waits it made before its longest one, and how many
	// of those were zero-length loop turns ("5:9/8").
	WaitsBefore string
	Versions    string
	Machine     string
	Load        string
	Nice        string
}

// Median is the median measured makespan (record.Median).
func (r Row) Median() model.Duration { return record.Median(r.Runs) }

// ErrorPct is (median - predicted) / predicted in percent, rounded half
// away from zero to two decimals.
func (r Row) ErrorPct() string { return Pct(r.Median()-r.Predicted, r.Predicted) }

// Pct is 100 num / den rounded half away from zero to two decimals, exact
// (rational arithmetic); "" when den is 0.
func Pct(num, den model.Duration) string {
	if den == 0 {
		return ""
	}
	q := new(big.Rat).SetFrac(big.NewInt(int64(num)*10000), big.NewInt(int64(den)))
	neg := q.Sign() < 0
	q.Abs(q)
	n := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Mul(q.Num(), big.NewInt(2)), q.Denom()), new(big.Int).Mul(q.Denom(), big.NewInt(2)))
	s := n.String()
	for len(s) < 3 {
		s = "0" + s
	}
	s = s[:len(s)-2] + "." + s[len(s)-2:]
	if neg && n.Sign() != 0 {
		s = "-" + s
	}
	return s
}

func orderText(o []int) string {
	s := make([]string, len(o))
	for i, d := range o {
		s[i] = strconv.Itoa(d)
	}
	return strings.Join(s, " ")
}

// Rows are the CSV rows of the measurements.
func Rows(ms []Measurement, nice string) []Row {
	var rows []Row
	for _, m := range ms {
		var recorded Row
		for _, o := range m.Orders {
			r := Row{Setup: m.Setup.Name, Order: o.Delays, Role: "real", Predicted: o.Predicted, Runs: o.Measured,
				Versions: m.Versions, Machine: m.Machine, Load: m.Load, Nice: nice}
			rows = append(rows, r)
			if orderText(o.Delays) == orderText(m.Recorded) {
				recorded = r
				recorded.Role = "recorded"
				recorded.Runs = m.Overhead
				recorded.OverheadPct = Pct(record.Median(m.Overhead)-r.Median(), r.Median())
				recorded.WaitsBefore = waitsBefore(m)
				recorded.AccountedPct, recorded.ReplayErrorPct, recorded.CPUSpreadPct = callStats(m.Calls)
			}
		}
		rows = append(rows, recorded)
	}
	return rows
}

// callStats are Row.AccountedPct, ReplayErrorPct and CPUSpreadPct.
func callStats(calls []RecordedCall) (accounted, replay, spread string) {
	if len(calls) == 0 {
		return "", "", ""
	}
	// The accounted overhead's median, as a ratio compared exactly.
	sorted := append([]RecordedCall(nil), calls...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		return new(big.Int).Mul(big.NewInt(int64(a.Added)), big.NewInt(int64(b.Measured))).Cmp(new(big.Int).Mul(big.NewInt(int64(b.Added)), big.NewInt(int64(a.Measured)))) < 0
	})
	mid := sorted[(len(sorted)-1)/2]
	accounted = Pct(mid.Added, mid.Measured)
	worst := calls[0]
	for _, c := range calls[1:] {
		d, w := c.Replayed-c.Measured, worst.Replayed-worst.Measured
		if new(big.Int).Mul(big.NewInt(int64(abs(d))), big.NewInt(int64(worst.Measured))).Cmp(new(big.Int).Mul(big.NewInt(int64(abs(w))), big.NewInt(int64(c.Measured)))) > 0 {
			worst = c
		}
	}
	replay = Pct(worst.Replayed-worst.Measured, worst.Measured)
	cpus := make([]model.Duration, len(calls))
	for i, c := range calls {
		cpus[i] = c.CPU
	}
	spread = Pct(maxD(cpus)-minD(cpus), record.Median(cpus))
	return accounted, replay, spread
}

func abs(d model.Duration) model.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// waitsBefore is Row.WaitsBefore of m's recording.
func waitsBefore(m Measurement) string {
	var parts []string
	for i, t := range m.Site.Workload.Tasks {
		longest := -1
		for j, s := range t.Steps {
			if s.Kind != model.CPU && (longest < 0 || s.D > t.Steps[longest].D) {
				longest = j
			}
		}
		waits, zero := 0, 0
		for j := 0; j < longest; j++ {
			if s := t.Steps[j]; s.Kind != model.CPU {
				waits++
				if s.Kind == model.Sleep && s.D == 0 {
					zero++
				}
			}
		}
		d := "?"
		if i < len(m.Recorded) {
			d = strconv.Itoa(m.Recorded[i])
		}
		parts = append(parts, fmt.Sprintf("%s:%d/%d", d, waits, zero))
	}
	return strings.Join(parts, " ")
}

// WriteCSV writes rows with exact decimal milliseconds.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	cw.Write(Header)
	for _, r := range rows {
		runs := make([]string, len(r.Runs))
		for i, d := range r.Runs {
			runs[i] = model.Format(d, model.Millisecond)
		}
		cw.Write([]string{r.Setup, orderText(r.Order), r.Role, strconv.Itoa(len(r.Runs)),
			model.Format(r.Predicted, model.Millisecond), model.Format(r.Median(), model.Millisecond),
			model.Format(minD(r.Runs), model.Millisecond), model.Format(maxD(r.Runs), model.Millisecond),
			r.ErrorPct(), r.OverheadPct, r.AccountedPct, r.ReplayErrorPct, r.CPUSpreadPct, strings.Join(runs, " "), r.WaitsBefore,
			r.Versions, r.Machine, r.Load, r.Nice})
	}
	cw.Flush()
	return cw.Error()
}

func minD(ds []model.Duration) model.Duration {
	var m model.Duration
	for i, d := range ds {
		if i == 0 || d < m {
			m = d
		}
	}
	return m
}

func maxD(ds []model.Duration) model.Duration {
	var m model.Duration
	for _, d := range ds {
		if d > m {
			m = d
		}
	}
	return m
}

// ReadCSV reads and checks experiments/data/realworld.csv as WriteCSV
// writes it: every field, and that the runs, median, min, max and error
// columns agree with the runs listed. Errors name the file and line.
func ReadCSV(path string) ([]Row, error) {
	recs, err := csvfile.Read(path, Header, "real-library data", "it is measured by `make realworld`")
	if err != nil {
		return nil, err
	}
	rows := make([]Row, len(recs))
	for i, rec := range recs {
		r, err := parseRecord(rec)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, csvfile.Line(i), err)
		}
		rows[i] = r
	}
	return rows, nil
}

func parseRecord(rec []string) (Row, error) {
	r := Row{Setup: rec[0], Role: rec[2], OverheadPct: rec[9], AccountedPct: rec[10], ReplayErrorPct: rec[11], CPUSpreadPct: rec[12],
		WaitsBefore: rec[14], Versions: rec[15], Machine: rec[16], Load: rec[17], Nice: rec[18]}
	if r.Role != "real" && r.Role != "recorded" {
		return Row{}, fmt.Errorf("role %q (want real or recorded)", rec[2])
	}
	for _, f := range strings.Fields(rec[1]) {
		d, err := strconv.Atoi(f)
		if err != nil {
			return Row{}, fmt.Errorf("order %q is not a list of integers", rec[1])
		}
		r.Order = append(r.Order, d)
	}
	var err error
	if r.Predicted, err = model.ParseDuration(rec[4], model.Millisecond); err != nil {
		return Row{}, fmt.Errorf("predicted_ms: %w", err)
	}
	for _, f := range strings.Fields(rec[13]) {
		d, err := model.ParseDuration(f, model.Millisecond)
		if err != nil {
			return Row{}, fmt.Errorf("runs_ms: %w", err)
		}
		r.Runs = append(r.Runs, d)
	}
	if strconv.Itoa(len(r.Runs)) != rec[3] || len(r.Runs) == 0 {
		return Row{}, fmt.Errorf("runs %s, but %d makespans listed", rec[3], len(r.Runs))
	}
	for k, want := range []model.Duration{r.Median(), minD(r.Runs), maxD(r.Runs)} {
		if got, err := model.ParseDuration(rec[5+k], model.Millisecond); err != nil || got != want {
			return Row{}, fmt.Errorf("%s %s is not that of the runs (%s)", Header[5+k], rec[5+k], model.Format(want, model.Millisecond))
		}
	}
	if r.ErrorPct() != rec[8] {
		return Row{}, fmt.Errorf("error_pct %s, the runs give %s", rec[8], r.ErrorPct())
	}
	return r, nil
}
