package seed

import (
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// Log durations carry 16 fractional digits; the model gets them rounded
// half up to the nanosecond, exactly, through model.ParseDuration.
func TestNanosRoundsHalfUpToTheNanosecond(t *testing.T) {
	for _, c := range []struct {
		in   string
		want model.Duration
	}{
		{"1", 1e9},
		{"1.7627930641174316", 1762793064},
		{"1.7627930645", 1762793065},
		{"1.7627930644999", 1762793064},
		{"0.9999999995", 1e9},
		{"7.025615832999998", 7025615833},
	} {
		got, err := nanos(c.in)
		if err != nil || got != c.want {
			t.Errorf("nanos(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

// Bad measurement files give one error naming the file and line.
func TestLoadRejectsBadRowsNamingTheLine(t *testing.T) {
	head := "experiment,order,task,quantity,value_s,runs,source\n"
	for _, c := range []struct{ body, want string }{
		{"e,o,a,cpu1,1,1,x\n", "m.csv:2: task a: cpu1 row before its io row"},
		{"e,o,a,io,-1,1,x\n", "m.csv:2: value_s"},
		{"e,o,a,io,1,0,x\n", "m.csv:2: runs"},
		{"e,o,a,io,1,1,x\ne,o,a,wait,1,1,x\n", "m.csv:3: unknown quantity"},
		{"e,o,a,io,1,1,x\n", "m.csv: e/o: no makespan row"},
		{"e,o,a,io,1,1,x\ne,o,,makespan,1,1,x\n", "m.csv: e/o: task a: missing cpu1"},
	} {
		_, err := Load("m.csv", strings.NewReader(head+c.body))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want prefix %q on one line", c.body, err, c.want)
		}
	}
}

// Every setup has three tasks with both CPU phases and an IO wait; the
// answer's makespans are 5-run totals divided exactly.
func TestMeasurementsFileIsComplete(t *testing.T) {
	ss := Setups()
	if len(ss) != 8 {
		t.Fatalf("want 4 experiments × 2 orders, got %d setups", len(ss))
	}
	for _, s := range ss {
		if len(s.Tasks) != 3 {
			t.Errorf("%s/%s: %d tasks", s.Experiment, s.Order, len(s.Tasks))
		}
	}
	if got := decimal(ss[0].Makespan); got != "7.0263855666" {
		t.Errorf("answer longest-first mean = %s, want 35.131927833/5 = 7.0263855666", got)
	}
}
