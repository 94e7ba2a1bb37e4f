package order_test

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"pgregory.net/rapid"
)

func seed() *model.Workload {
	return &model.Workload{Unit: model.Second, Tasks: []model.Task{
		model.Canonical("a", 1e9, 5e9, 1e9),
		model.Canonical("b", 1e9, 3e9, 1e9),
		model.Canonical("c", 1e9, 1e9, 1e9),
	}}
}

// The seed thread's answer: 1 s CPU, IO 5, 3, 1 s, 1 s CPU takes 7 s
// longest-IO-first and 9 s shortest-IO-first.
func TestSeedSevenAgainstNine(t *testing.T) {
	w := seed()
	want := map[order.Policy]model.Duration{order.Given: 9e9, order.LIF: 7e9, order.SIF: 9e9, order.Best: 7e9}
	w.Tasks[0], w.Tasks[2] = w.Tasks[2], w.Tasks[0] // given order: shortest first
	for _, p := range order.Policies {
		o, err := order.Apply(w, p)
		if err != nil {
			t.Fatal(err)
		}
		if o.Result.Makespan != want[p] {
			t.Errorf("%s: makespan %d, want %d", p, o.Result.Makespan, want[p])
		}
	}
}

func TestSortsAreStable(t *testing.T) {
	w := &model.Workload{Tasks: []model.Task{
		model.Canonical("a", 0, 2, 0), model.Canonical("b", 0, 5, 0),
		model.Canonical("c", 0, 2, 0), model.Canonical("d", 0, 5, 0),
	}}
	if got := fmt.Sprint(order.LongestIOFirst(w)); got != "[1 3 0 2]" {
		t.Errorf("LIF = %s, want [1 3 0 2]", got)
	}
	if got := fmt.Sprint(order.ShortestIOFirst(w)); got != "[0 2 1 3]" {
		t.Errorf("SIF = %s, want [0 2 1 3]", got)
	}
}

func TestForEachPermIsLexicographicAndComplete(t *testing.T) {
	var got []string
	order.ForEachPerm(3, func(p []int) { got = append(got, fmt.Sprint(p)) })
	if fmt.Sprint(got) != "[[0 1 2] [0 2 1] [1 0 2] [1 2 0] [2 0 1] [2 1 0]]" {
		t.Fatalf("got %v", got)
	}
	n := 0
	order.ForEachPerm(0, func(p []int) { n++ })
	if n != 1 {
		t.Fatalf("%d permutations of nothing, want 1", n)
	}
}

// Exhaustive's optimum is no worse than any policy's order and is attained.
func TestExhaustiveIsALowerBoundOfEveryOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 5, MaxSteps: 5, MaxDur: 20}).Draw(t, "w")
		b, err := order.Exhaustive(w)
		if err != nil {
			t.Fatal(err)
		}
		if m := model.Simulate(w, b.Order).Makespan; m != b.Makespan {
			t.Fatalf("reported %d, order gives %d", b.Makespan, m)
		}
		p := gen.Perm(len(w.Tasks)).Draw(t, "p")
		if m := model.Simulate(w, p).Makespan; m < b.Makespan {
			t.Fatalf("order %v has makespan %d < optimum %d", p, m, b.Makespan)
		}
	})
}

func TestExhaustiveRefusesTooManyTasks(t *testing.T) {
	w := &model.Workload{}
	for i := range order.MaxExhaustive + 1 {
		w.Tasks = append(w.Tasks, model.Task{Name: fmt.Sprint(i)})
	}
	if _, err := order.Exhaustive(w); err == nil {
		t.Fatal("no error")
	}
}
