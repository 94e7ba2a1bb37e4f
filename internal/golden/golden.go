// Package golden reads model/testdata/libuv_golden.json: workloads whose
// finish times on CPython asyncio, uvloop and Node.js are derived by hand
// in model/SEMANTICS.md §S14 and §S15. The model's tests check the simulator
// against them; the oracle's real-clock tests run the cases that have a
// real scale on the real runtimes.
package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"runtime"

	"github.com/gatherorder/gatherorder/model"
)

// Case is one golden workload, run in its given order.
type Case struct {
	Name, Sections string
	W              *model.Workload
	// Finish holds every task's predicted finish by runtime: "asyncio",
	// "uvloop" and "node".
	Finish map[string][]model.Duration
	// Scale, if not nil, is the factor every duration is multiplied by for
	// a real-clock run (Scaled).
	Scale *big.Rat
}

// Path is the golden file's path in this checkout.
func Path() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "model", "testdata", "libuv_golden.json")
}

// Read reads the golden file at path.
func Read(path string) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var file struct {
		Cases []struct {
			Name, Sections string
			Workload       json.RawMessage
			Finish         map[string][]json.Number
			RealScale      json.Number `json:"real_scale"`
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var out []Case
	for _, c := range file.Cases {
		w, err := model.Parse(path+": "+c.Name, c.Workload)
		if err != nil {
			return nil, err
		}
		g := Case{Name: c.Name, Sections: c.Sections, W: w, Finish: map[string][]model.Duration{}}
		for rt, fs := range c.Finish {
			if len(fs) != len(w.Tasks) {
				return nil, fmt.Errorf("%s: %s: %d %s finishes for %d tasks", path, c.Name, len(fs), rt, len(w.Tasks))
			}
			for _, f := range fs {
				d, err := model.ParseDuration(f.String(), w.Unit)
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %s: %v", path, c.Name, rt, err)
				}
				g.Finish[rt] = append(g.Finish[rt], d)
			}
		}
		if c.RealScale != "" {
			r, ok := new(big.Rat).SetString(c.RealScale.String())
			if !ok || r.Sign() <= 0 {
				return nil, fmt.Errorf("%s: %s: bad real_scale %s", path, c.Name, c.RealScale)
			}
			g.Scale = r
		}
		out = append(out, g)
	}
	return out, nil
}

// Scaled returns c's workload and predicted finishes with every duration
// multiplied by c.Scale, which must be set and give whole nanoseconds.
func (c Case) Scaled() (*model.Workload, map[string][]model.Duration, error) {
	mul := func(d model.Duration) (model.Duration, error) {
		x := new(big.Rat).Mul(new(big.Rat).SetInt64(int64(d)), c.Scale)
		if !x.IsInt() || !x.Num().IsInt64() {
			return 0, fmt.Errorf("%s: %d ns scaled by %s is not a whole int64 ns", c.Name, d, c.Scale)
		}
		return model.Duration(x.Num().Int64()), nil
	}
	w := &model.Workload{Unit: model.Millisecond, Tasks: make([]model.Task, len(c.W.Tasks))}
	for i, t := range c.W.Tasks {
		w.Tasks[i] = model.Task{Name: t.Name, Steps: make([]model.Step, len(t.Steps))}
		for j, st := range t.Steps {
			d, err := mul(st.D)
			if err != nil {
				return nil, nil, err
			}
			w.Tasks[i].Steps[j] = model.Step{Kind: st.Kind, D: d}
		}
	}
	fin := map[string][]model.Duration{}
	for rt, fs := range c.Finish {
		for _, f := range fs {
			d, err := mul(f)
			if err != nil {
				return nil, nil, err
			}
			fin[rt] = append(fin[rt], d)
		}
	}
	return w, fin, nil
}
