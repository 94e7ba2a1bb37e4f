package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// The progress line: while best searches for more than a second, one line
// on stderr, rewritten in place, says how far it is (nodes, the best
// makespan, the proven bound, the gap, the time left). Only a terminal gets
// it: piped or redirected, stderr stays silent, and stdout (text or JSON) is
// the same either way.

// progressTo is where the progress line goes: stderr when it is a terminal,
// else nowhere (nil). Tests replace it.
var progressTo = func() io.Writer {
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		return os.Stderr
	}
	return nil
}

// progressQuiet is how long a search runs before the line appears, and
// progressEvery how often it is rewritten after that.
const (
	progressQuiet = time.Second
	progressEvery = 200 * time.Millisecond
)

type progressLine struct {
	w      io.Writer
	unit   model.Unit
	start  time.Time
	budget time.Duration
	last   time.Time
	shown  bool
	now    func() time.Time
}

// newProgressLine returns a progress line on w, or nil (which does
// nothing) when w is nil.
func newProgressLine(w io.Writer, budget time.Duration, u model.Unit) *progressLine {
	if w == nil {
		return nil
	}
	return &progressLine{w: w, unit: u, start: time.Now(), budget: budget, now: time.Now}
}

// update is an order.Limits.Progress callback.
func (p *progressLine) update(pr order.Progress) {
	if p == nil {
		return
	}
	now := p.now()
	if now.Sub(p.start) < progressQuiet || now.Sub(p.last) < progressEvery {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\rbest: %d nodes, best %s, bound %s, gap %s%s\x1b[K",
		pr.Nodes, model.Format(pr.Best, p.unit), model.Format(pr.Bound, p.unit), gapText(pr.Best, pr.Bound), p.left(now))
}

func (p *progressLine) left(now time.Time) string {
	if p.budget <= 0 {
		return ""
	}
	l := max(0, p.budget-now.Sub(p.start))
	return fmt.Sprintf(", %.1f s left", l.Seconds())
}

// clear erases the line once the search is over.
func (p *progressLine) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// gapText is the relative gap (best - bound) / bound, for people (the exact
// figures are printed next to it).
func gapText(best, bound model.Duration) string {
	if bound <= 0 || best <= bound {
		return "0%"
	}
	return fmt.Sprintf("%.3g%%", 100*float64(best-bound)/float64(bound))
}
