package seed

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// Measurements is the thread's measured data (measurements.csv): the one
// place the figures of the seed thread enter the code.
//
//go:embed measurements.csv
var Measurements string

// Task is one coroutine of a measured setup: its IO wait and its two CPU
// phases as exact durations, and its printed duration where the log prints
// one (Measured, nil otherwise).
type Task struct {
	Name           string
	CPU1, IO, CPU2 model.Duration
	Measured       *big.Rat
}

// Setup is one measured (experiment, gather order): the tasks in gather
// order, the measured makespan (the mean over the runs the thread timed
// together) and any single runs the thread also reports.
type Setup struct {
	Experiment, Order string
	Tasks             []Task
	Makespan          *big.Rat
	Singles           []*big.Rat
	// LogOrder1 and LogOrder2 name the tasks in the order of their cpu1
	// and cpu2 rows, which for the logged experiments is the order in which
	// the log prints the phases.
	LogOrder1, LogOrder2 []string
}

// Load reads measurements in the format of measurements.csv. file names
// the input in errors, which give the line.
func Load(file string, r io.Reader) ([]Setup, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = 7
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", file, err)
	}
	if strings.Join(head, ",") != "experiment,order,task,quantity,value_s,runs,source" {
		return nil, fmt.Errorf("%s: unexpected header %q", file, strings.Join(head, ","))
	}
	var setups []*Setup
	index := map[[2]string]*Setup{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if err := add(&setups, index, rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, line, err)
		}
	}
	out := make([]Setup, len(setups))
	for i, s := range setups {
		if err := s.complete(); err != nil {
			return nil, fmt.Errorf("%s: %s/%s: %w", file, s.Experiment, s.Order, err)
		}
		out[i] = *s
	}
	return out, nil
}

// add applies one record. Tasks enter in the order of their io rows, which
// is the gather order.
func add(setups *[]*Setup, index map[[2]string]*Setup, rec []string) error {
	exp, ord, name, qty, val := rec[0], rec[1], rec[2], rec[3], rec[4]
	if exp == "" || ord == "" {
		return errors.New("empty experiment or order")
	}
	runs, err := strconv.Atoi(rec[5])
	if err != nil || runs < 1 {
		return fmt.Errorf("runs %q is not a positive integer", rec[5])
	}
	r, err := rat(val)
	if err != nil {
		return fmt.Errorf("value_s: %w", err)
	}
	key := [2]string{exp, ord}
	s := index[key]
	if s == nil {
		s = &Setup{Experiment: exp, Order: ord}
		index[key] = s
		*setups = append(*setups, s)
	}
	switch qty {
	case "makespan":
		if s.Makespan != nil {
			return errors.New("second makespan row")
		}
		s.Makespan = r.Quo(r, big.NewRat(int64(runs), 1))
		return nil
	case "single":
		s.Singles = append(s.Singles, r.Quo(r, big.NewRat(int64(runs), 1)))
		return nil
	}
	if name == "" {
		return fmt.Errorf("%s row without a task", qty)
	}
	if runs != 1 {
		return fmt.Errorf("task %s: %s row with runs %d (want 1)", name, qty, runs)
	}
	if qty == "io" {
		for _, t := range s.Tasks {
			if t.Name == name {
				return fmt.Errorf("task %s: second io row", name)
			}
		}
		d, err := nanos(val)
		if err != nil {
			return fmt.Errorf("task %s: io: %w", name, err)
		}
		s.Tasks = append(s.Tasks, Task{Name: name, IO: d, CPU1: -1, CPU2: -1})
		return nil
	}
	var t *Task
	for i := range s.Tasks {
		if s.Tasks[i].Name == name {
			t = &s.Tasks[i]
		}
	}
	if t == nil {
		return fmt.Errorf("task %s: %s row before its io row", name, qty)
	}
	switch qty {
	case "cpu1", "cpu2":
		d, err := nanos(val)
		if err != nil {
			return fmt.Errorf("task %s: %s: %w", name, qty, err)
		}
		p := &t.CPU1
		if qty == "cpu2" {
			p = &t.CPU2
		}
		if *p >= 0 {
			return fmt.Errorf("task %s: second %s row", name, qty)
		}
		*p = d
		if qty == "cpu1" {
			s.LogOrder1 = append(s.LogOrder1, name)
		} else {
			s.LogOrder2 = append(s.LogOrder2, name)
		}
	case "task":
		if t.Measured != nil {
			return fmt.Errorf("task %s: second task row", name)
		}
		t.Measured = r
	default:
		return fmt.Errorf("unknown quantity %q (want io, cpu1, cpu2, task, makespan or single)", qty)
	}
	return nil
}

func (s *Setup) complete() error {
	if s.Makespan == nil {
		return errors.New("no makespan row")
	}
	if len(s.Tasks) == 0 {
		return errors.New("no io rows")
	}
	for _, t := range s.Tasks {
		if t.CPU1 < 0 || t.CPU2 < 0 {
			return fmt.Errorf("task %s: missing cpu1 or cpu2 row", t.Name)
		}
	}
	return nil
}

// Setups parses the embedded Measurements. They are checked by the
// package's tests, so an error here is a programming error.
func Setups() []Setup {
	s, err := Load("measurements.csv", strings.NewReader(Measurements))
	if err != nil {
		panic("seed: " + err.Error())
	}
	return s
}
