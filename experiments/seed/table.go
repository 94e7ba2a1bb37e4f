package seed

import (
	"encoding/csv"
	"io"
	"math/big"

	"github.com/gatherorder/gatherorder/model"
)

// Row is one line of paper/data/seed_table.csv: a setup's measured
// makespan against the two models' predictions.
type Row struct {
	Experiment, Order string
	Measured          *big.Rat
	Naive, Hop        model.Duration
}

// TaskRow is one line of paper/data/seed_tasks.csv: a task's printed
// duration against the two models' predictions.
type TaskRow struct {
	Experiment, Order, Task string
	Measured                *big.Rat
	Naive, Hop              model.Duration
}

// Tables predicts every setup with both models: one Row per setup, one
// TaskRow per task whose duration the thread prints, in the order of the
// measurements file and gather order.
func Tables(setups []Setup) ([]Row, []TaskRow) {
	var rows []Row
	var tasks []TaskRow
	for _, s := range setups {
		n, h := Predict(s, Naive), Predict(s, Hop)
		rows = append(rows, Row{s.Experiment, s.Order, s.Makespan, n.Makespan, h.Makespan})
		for i, t := range s.Tasks {
			if t.Measured != nil {
				tasks = append(tasks, TaskRow{s.Experiment, s.Order, t.Name, t.Measured, n.Task[i], h.Task[i]})
			}
		}
	}
	return rows, tasks
}

// TableHeader and TasksHeader are the headers of seed_table.csv and
// seed_tasks.csv.
var (
	TableHeader = []string{"experiment", "order", "measured_s", "naive_s", "hop_s"}
	TasksHeader = []string{"experiment", "order", "task", "measured_s", "naive_s", "hop_s"}
)

// Record is r's line of seed_table.csv: exact decimals in seconds.
func (r Row) Record() []string {
	return []string{r.Experiment, r.Order, decimal(r.Measured), model.Format(r.Naive, model.Second), model.Format(r.Hop, model.Second)}
}

// Record is r's line of seed_tasks.csv: exact decimals in seconds.
func (r TaskRow) Record() []string {
	return []string{r.Experiment, r.Order, r.Task, decimal(r.Measured), model.Format(r.Naive, model.Second), model.Format(r.Hop, model.Second)}
}

// WriteTable writes rows as CSV (TableHeader, Row.Record).
func WriteTable(w io.Writer, rows []Row) error { return writeCSV(w, TableHeader, rows) }

// WriteTasks writes task rows as CSV (TasksHeader, TaskRow.Record).
func WriteTasks(w io.Writer, rows []TaskRow) error { return writeCSV(w, TasksHeader, rows) }

func writeCSV[R interface{ Record() []string }](w io.Writer, header []string, rows []R) error {
	cw := csv.NewWriter(w)
	cw.Write(header)
	for _, r := range rows {
		cw.Write(r.Record())
	}
	cw.Flush()
	return cw.Error()
}
