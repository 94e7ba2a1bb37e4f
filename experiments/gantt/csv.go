package gantt

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/gatherorder/gatherorder/model"
)

// CSVHeader is the header of WriteCSV's output.
var CSVHeader = []string{"chart", "title", "row", "row_name", "kind", "task", "step", "await", "start", "end", "unit"}

// WriteCSV writes every bar of every chart, one line each, with times as
// exact decimals in the figure's unit. chart is the chart's index (0 on
// top); unit is the axis's unit, "integer units" on an Integer figure
// (a counterexample's unitless integers, stored as nanoseconds); task and step are 1-based like the CLI's messages, and empty on
// the CPU row.
func (f Figure) WriteCSV(w io.Writer) error {
	u := f.unit()
	un := unitName(u)
	if f.Integer {
		un = "integer units"
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i, c := range f.Charts {
		for _, b := range c.Bars() {
			rowName, task, step := "CPU", "", ""
			if b.Task >= 0 {
				rowName = c.W.Tasks[b.Task].Name
				task = c.W.Tasks[b.Task].Name
				step = strconv.Itoa(b.Step + 1)
			}
			rec := []string{strconv.Itoa(i), c.Title, strconv.Itoa(b.Row), rowName, string(b.Kind), task, step, b.Await,
				model.Format(b.Start, u), model.Format(b.End, u), un}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
