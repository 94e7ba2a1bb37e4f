package model

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Scenarios are N joint draws of an uncertain workload's durations
// (model/SEMANTICS.md §S16): scenario k fixes every step's duration, so it
// is a deterministic Workload that simulates, and replays on CPython, like
// any other. Every order evaluated on the same Scenarios sees the same
// durations (common random numbers).
type Scenarios struct {
	// W is the workload drawn from (its Step.D are the nominal durations).
	W *Workload
	// N is the number of scenarios.
	N int
	// Seed and Stream are the PCG seed words the draws came from
	// (rand.NewPCG(Seed, Stream)).
	Seed, Stream uint64
	// D holds the durations, scenario by scenario, each scenario's steps
	// task by task in workload order and step by step: len(D) = N·Steps.
	D []Duration
	// Steps is the number of steps of W.
	Steps int
}

// ErrNoScenarios is returned for a request of fewer than one scenario.
var ErrNoScenarios = errors.New("the number of scenarios must be at least 1")

// Draw draws n scenarios of w from rand.New(rand.NewPCG(seed, stream)),
// scenario by scenario, in each scenario task by task in workload order
// and step by step; a Fixed step takes its Step.D and consumes no
// randomness, a random step one Dist.Draw. The steps' draws are
// independent. A scenario whose total duration overflows int64
// nanoseconds is an error naming it (a validated scenario, like a
// validated workload, cannot overflow in simulation).
func Draw(w *Workload, n int, seed, stream uint64) (*Scenarios, error) {
	if n < 1 {
		return nil, ErrNoScenarios
	}
	steps := 0
	for _, t := range w.Tasks {
		steps += len(t.Steps)
	}
	if steps > 0 && n > (1<<40)/steps {
		return nil, fmt.Errorf("%d scenarios of %d steps is too many to hold", n, steps)
	}
	s := &Scenarios{W: w, N: n, Seed: seed, Stream: stream, Steps: steps, D: make([]Duration, n*steps)}
	r := rand.New(rand.NewPCG(seed, stream))
	// σ of every log-normal step, computed once (Dist.Draw's value).
	sigmas := make([][]float64, len(w.Tasks))
	for ti, t := range w.Tasks {
		if t.Dists != nil {
			sigmas[ti] = make([]float64, len(t.Dists))
			for j, d := range t.Dists {
				if d.Kind == LogNormal && d.P95 != d.Median {
					sigmas[ti][j] = d.sigma()
				}
			}
		}
	}
	i := 0
	for k := 0; k < n; k++ {
		var total Duration
		for ti, t := range w.Tasks {
			for j, st := range t.Steps {
				d := st.D
				if t.Dists != nil {
					var err error
					if d, err = t.Dists[j].draw(r, st.D, sigmas[ti][j]); err != nil {
						return nil, fmt.Errorf("scenario %d, %s, step %d (%s): %w", k+1, taskLabel(t.Name, ti), j+1, st.Kind, err)
					}
				}
				var err error
				if total, err = Add(total, d); err != nil {
					return nil, fmt.Errorf("scenario %d, %s, step %d (%s): total duration: %w", k+1, taskLabel(t.Name, ti), j+1, st.Kind, err)
				}
				s.D[i] = d
				i++
			}
		}
	}
	return s, nil
}

// Scenario returns scenario k (0-based) as a new deterministic workload:
// w's tasks with the drawn durations and no Dists.
func (s *Scenarios) Scenario(k int) *Workload {
	w := &Workload{Unit: s.W.Unit, Tasks: make([]Task, len(s.W.Tasks)), Limit: s.W.Limit}
	for i, t := range s.W.Tasks {
		w.Tasks[i] = Task{Name: t.Name, Steps: slices.Clone(t.Steps)}
	}
	s.Fill(k, w)
	return w
}

// Fill writes scenario k's durations into dst, a workload of the same
// shape as s.W (a Scenario's result, reused to avoid allocation).
func (s *Scenarios) Fill(k int, dst *Workload) {
	d := s.D[k*s.Steps : (k+1)*s.Steps]
	i := 0
	for _, t := range dst.Tasks {
		for j := range t.Steps {
			t.Steps[j].D = d[i]
			i++
		}
	}
}
