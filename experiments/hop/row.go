package hop

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/experiments/internal/csvfile"
	"github.com/gatherorder/gatherorder/model"
)

// Header is the header of experiments/data/hop.csv.
var Header = []string{"variant", "order", "run", "measured_ms", "naive_ms", "hop_ms", "hops", "python"}

// Row is one line of experiments/data/hop.csv: a measured run next to the
// two models' predictions for its variant and order.
type Row struct {
	Variant Variant
	Order   string
	Run     int
	// Measured is the run's makespan; Naive and Hop are the predictions,
	// the same for every run of a variant and order.
	Measured, Naive, Hop model.Duration
	// Hops is the loop turns each connection took: one number when every
	// task took the same, else name=n per task in gather order.
	Hops   string
	Python string
}

// Rows pairs every run with the scenario's predictions.
func Rows(s Scenario, runs []Run) []Row {
	rows := make([]Row, len(runs))
	for i, r := range runs {
		n, h := s.Predict(r.Variant, r.Order)
		rows[i] = Row{Variant: r.Variant, Order: r.Order, Run: r.Run, Measured: r.Makespan, Naive: n, Hop: h, Hops: hopsText(r), Python: r.Python}
	}
	return rows
}

// hopsText is Row.Hops of r.
func hopsText(r Run) string {
	same := true
	for _, h := range r.Hops {
		same = same && h == r.Hops[0]
	}
	if same && len(r.Hops) > 0 {
		return strconv.Itoa(r.Hops[0])
	}
	parts := make([]string, len(r.Hops))
	for i, h := range r.Hops {
		parts[i] = fmt.Sprintf("%s=%d", r.Names[i], h)
	}
	return strings.Join(parts, ";")
}

// WriteCSV writes rows with exact decimal milliseconds.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	cw.Write(Header)
	for _, r := range rows {
		cw.Write([]string{string(r.Variant), r.Order, strconv.Itoa(r.Run),
			model.Format(r.Measured, model.Millisecond), model.Format(r.Naive, model.Millisecond),
			model.Format(r.Hop, model.Millisecond), r.Hops, r.Python})
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads and checks a CSV that WriteCSV wrote: the header, at least
// one row, the variants and orders, exact decimal milliseconds, and that
// the predictions are the same for every run of a variant and order.
// Errors name the file and line.
func ReadCSV(path string) ([]Row, error) {
	recs, err := csvfile.Read(path, Header, "hop data", "it is measured by `make hop`")
	if err != nil {
		return nil, err
	}
	rows := make([]Row, len(recs))
	first := map[[2]string]Row{}
	for i, rec := range recs {
		r, err := parseRecord(rec)
		if err == nil {
			key := [2]string{string(r.Variant), r.Order}
			if f, ok := first[key]; !ok {
				first[key] = r
			} else if f.Naive != r.Naive || f.Hop != r.Hop {
				err = fmt.Errorf("predictions differ between runs of %s/%s", r.Variant, r.Order)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, csvfile.Line(i), err)
		}
		rows[i] = r
	}
	return rows, nil
}

func parseRecord(rec []string) (Row, error) {
	r := Row{Variant: Variant(rec[0]), Order: rec[1], Hops: rec[6], Python: rec[7]}
	if r.Variant != ConnectAfterCPU && r.Variant != ConnectBeforeCPU {
		return Row{}, fmt.Errorf("unknown variant %q", rec[0])
	}
	if !slices.Contains(Orders, r.Order) {
		return Row{}, fmt.Errorf("unknown order %q", rec[1])
	}
	var err error
	if r.Run, err = strconv.Atoi(rec[2]); err != nil {
		return Row{}, fmt.Errorf("run %q is not a number", rec[2])
	}
	for k, d := range []*model.Duration{&r.Measured, &r.Naive, &r.Hop} {
		if *d, err = model.ParseDuration(rec[3+k], model.Millisecond); err != nil {
			return Row{}, fmt.Errorf("%s: %w", Header[3+k], err)
		}
	}
	return r, nil
}
