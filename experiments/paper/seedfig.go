package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/gatherorder/gatherorder/experiments/gantt"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// seedWorkload is the seed thread's answer's example, after the 2022 blog:
// three coroutines with 1 s of CPU, an IO wait of 5, 3 or 1 s, and 1 s of
// CPU (query_sql_a, _b, _c of the blog). These are the thread's inputs, not
// results; every result below is simulated.
func seedWorkload() (*model.Workload, error) {
	w := &model.Workload{Unit: model.Second}
	for _, t := range []struct{ name, a, l, b string }{{"a", "1", "5", "1"}, {"b", "1", "3", "1"}, {"c", "1", "1", "1"}} {
		var d [3]model.Duration
		for i, s := range []string{t.a, t.l, t.b} {
			v, err := model.ParseDuration(s, w.Unit)
			if err != nil {
				return nil, err
			}
			d[i] = v
		}
		w.Tasks = append(w.Tasks, model.Canonical(t.name, d[0], d[1], d[2]))
	}
	return w, w.Validate()
}

// seedGantt draws the seed example longest-IO-first above
// shortest-IO-first on one time axis, and defines the numbers the paper
// quotes about it.
func seedGantt(o *output, num *Numbers) error {
	w, err := seedWorkload()
	if err != nil {
		return err
	}
	u := w.Unit
	title := func(name string, ord []int, c gantt.Chart) string {
		names := make([]string, len(ord))
		for k, t := range ord {
			names[k] = w.Tasks[t].Name
		}
		return fmt.Sprintf("%s, gather(%s): makespan %s %s, CPU idle %s %s",
			name, strings.Join(names, ", "), model.Format(c.R.Makespan, u), u, model.Format(c.IdleTime(), u), u)
	}
	lif, sif := order.LongestIOFirst(w), order.ShortestIOFirst(w)
	cl, cs := gantt.New("", w, lif), gantt.New("", w, sif)
	cl.Title, cs.Title = title("Longest IO first", lif, cl), title("Shortest IO first", sif, cs)
	f := gantt.Figure{Charts: []gantt.Chart{cl, cs}}
	if err := writeFigure(o, "figures/seed-gantt", f.Encode, f.WriteCSV); err != nil {
		return err
	}

	best, err := order.Apply(w, order.Best)
	if err != nil {
		return err
	}
	var worst model.Duration
	orders := 0
	var s model.Sim
	order.ForEachPerm(len(w.Tasks), func(p []int) {
		worst = max(worst, s.Run(w, p, false).Makespan)
		orders++
	})
	ex, err := order.Exhaustive(w)
	if err != nil {
		return err
	}
	var cpu model.Duration
	for _, t := range w.Tasks {
		j, _ := model.AsJob(t)
		cpu += j.A + j.B
	}
	j0, _ := model.AsJob(w.Tasks[0])
	j1, _ := model.AsJob(w.Tasks[1])
	j2, _ := model.AsJob(w.Tasks[2])
	src := "seed example (thread's answer), simulated"
	num.Add("SeedCPUPhase", model.Format(j0.A, u), "seed example: each CPU phase (input from the thread)")
	num.Add("SeedIOLong", model.Format(j0.L, u), "seed example: IO wait of task a (input)")
	num.Add("SeedIOMid", model.Format(j1.L, u), "seed example: IO wait of task b (input)")
	num.Add("SeedIOShort", model.Format(j2.L, u), "seed example: IO wait of task c (input)")
	num.Add("SeedTasks", fmt.Sprint(len(w.Tasks)), "seed example: number of coroutines")
	num.Add("SeedTotalCPU", model.Format(cpu, u), src+": total CPU work")
	num.Add("SeedLIFMakespan", model.Format(cl.R.Makespan, u), src+": longest IO first")
	num.Add("SeedSIFMakespan", model.Format(cs.R.Makespan, u), src+": shortest IO first")
	num.Add("SeedLIFIdle", model.Format(cl.IdleTime(), u), src+": CPU idle, longest IO first")
	num.Add("SeedSIFIdle", model.Format(cs.IdleTime(), u), src+": CPU idle, shortest IO first")
	num.Add("SeedBestMakespan", model.Format(best.Result.Makespan, u), src+": optimum over all orders (order.Best)")
	num.Add("SeedWorstMakespan", model.Format(worst, u), src+": slowest of all orders")
	num.Add("SeedOrders", fmt.Sprint(orders), "seed example: number of gather orders")
	num.Add("SeedOptimalOrders", fmt.Sprint(ex.Ties), src+": number of optimal orders")
	return nil
}

// writeFigure writes name.pdf, name.svg and name.csv.
func writeFigure(o *output, name string, encode func(string) ([]byte, error), csv func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := csv(&buf); err != nil {
		return err
	}
	return writeFigureBytes(o, name, encode, buf.Bytes())
}
