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

// WriteTable writes rows as CSV with exact decimals in seconds.
func WriteTable(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"experiment", "order", "measured_s", "naive_s", "hop_s"})
	for _, r := range rows {
		cw.Write([]string{r.Experiment, r.Order, decimal(r.Measured), model.Format(r.Naive, model.Second), model.Format(r.Hop, model.Second)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteTasks writes task rows as CSV with exact decimals in seconds.
func WriteTasks(w io.Writer, rows []TaskRow) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"experiment", "order", "task", "measured_s", "naive_s", "hop_s"})
	for _, r := range rows {
		cw.Write([]string{r.Experiment, r.Order, r.Task, decimal(r.Measured), model.Format(r.Naive, model.Second), model.Format(r.Hop, model.Second)})
	}
	cw.Flush()
	return cw.Error()
}
