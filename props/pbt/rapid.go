package pbt

import (
	"fmt"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/props"
	"pgregory.net/rapid"
)

// Recorder is a rapid.TB that records failure instead of failing a Go
// test, so that rapid can run outside tests and so that tests can observe
// the counterexample rapid shrinks to. rapid replays the minimal failing
// input last, after shrinking.
type Recorder struct {
	ID     string
	failed bool
	Msgs   []string
}

// Helper and the rest implement rapid.TB.
func (t *Recorder) Helper()              {}
func (t *Recorder) Name() string         { return t.ID }
func (t *Recorder) Logf(string, ...any)  {}
func (t *Recorder) Log(...any)           {}
func (t *Recorder) Skipf(string, ...any) {}
func (t *Recorder) Skip(...any)          {}
func (t *Recorder) SkipNow()             {}
func (t *Recorder) Errorf(f string, a ...any) {
	t.failed = true
	t.Msgs = append(t.Msgs, fmt.Sprintf(f, a...))
}
func (t *Recorder) Error(a ...any)            { t.failed = true; t.Msgs = append(t.Msgs, fmt.Sprint(a...)) }
func (t *Recorder) Fatalf(f string, a ...any) { t.Errorf(f, a...) }
func (t *Recorder) Fatal(a ...any)            { t.Error(a...) }
func (t *Recorder) FailNow()                  { t.failed = true }
func (t *Recorder) Fail()                     { t.failed = true }
func (t *Recorder) Failed() bool              { return t.failed }

// Rapid checks claim c with rapid on checks instances drawn by the class's
// rapid generator (Generator) within w, from a fixed seed (gen.Check); a
// failure is shrunk by rapid.
func Rapid(c props.Claim, w props.Wide, checks int, seed uint64) props.RandomReport {
	rep := props.RandomReport{Engine: "rapid", Wide: w}
	g := Generator(c.Class, w)
	var e props.Eval
	gen.Check(&Recorder{ID: "props/" + c.ID}, checks, seed, func(t *rapid.T) {
		in := props.NewInstance(g.Draw(t, "w"))
		if f := c.Check(&e, in); f != nil {
			rep.Found, rep.Failure = in, f
			t.Fatal(f.Reason)
		}
		if rep.Found == nil {
			rep.Checks++
		}
	})
	return rep
}
