package uncertain

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Workload is a canonical gather of tasks cpu C; sleep Medians[i]; cpu C.
type Workload struct {
	Name    string
	C       model.Duration
	Medians []model.Duration
}

// Config is one run of the experiment.
type Config struct {
	Workloads []Workload
	// CVs are the coefficients of variation of the waits, in hundredths
	// (25 is v = 0.25), so that the CSV's v is exact.
	CVs     []int
	Samples int
	Seed    uint64
}

// Default is the paper's run.
var Default = Config{
	Workloads: []Workload{
		{Name: "seed", C: 1e9, Medians: []model.Duration{1e9, 3e9, 5e9}},
		{Name: "six", C: 1e9, Medians: []model.Duration{1e9, 2e9, 3e9, 4e9, 5e9, 6e9}},
	},
	CVs:     []int{0, 25, 50, 100, 150, 200, 300},
	Samples: 2000,
	Seed:    1,
}

// Policies are the rows of each (workload, v), in order.
var Policies = []string{"random", "given", "lif-mean", "lif-median", "best", "clairvoyant"}

// Row is one policy's result on one workload at one v.
type Row struct {
	Workload string
	CV       int // hundredths
	Policy   string
	// Expected is the mean makespan on the fresh scenarios (ns, nearest),
	// Lo and Hi its 95% interval (floor, ceil).
	Expected, Lo, Hi model.Duration
	// Gain, GainLo, GainHi are 1 - E[policy]/E[random] and its interval,
	// in percent.
	Gain, GainLo, GainHi float64
}

// Build is w with log-normal waits of coefficient of variation cv/100.
func Build(w Workload, cv int) *model.Workload {
	v := float64(cv) / 100
	sigma := math.Sqrt(math.Log1p(v * v))
	out := &model.Workload{Unit: model.Second}
	for i, m := range w.Medians {
		t := model.Canonical(fmt.Sprintf("t%d", i+1), w.C, m, w.C)
		if cv > 0 {
			p95 := model.Duration(math.Round(float64(m) * math.Exp(model.Z95*sigma)))
			t.Dists = []model.Dist{{}, {Kind: model.LogNormal, Median: m, P95: p95}, {}}
		}
		out.Tasks = append(out.Tasks, t)
	}
	return out
}

// Run computes every row of cfg.
func Run(cfg Config) ([]Row, error) {
	var rows []Row
	for _, wl := range cfg.Workloads {
		for _, cv := range cfg.CVs {
			rs, err := point(wl, cv, cfg)
			if err != nil {
				return nil, fmt.Errorf("%s, cv %s: %w", wl.Name, cvString(cv), err)
			}
			rows = append(rows, rs...)
		}
	}
	return rows, nil
}

func point(wl Workload, cv int, cfg Config) ([]Row, error) {
	w := Build(wl, cv)
	if err := w.Validate(); err != nil {
		return nil, err
	}
	fitS, err := model.Draw(w, cfg.Samples, cfg.Seed, 0)
	if err != nil {
		return nil, err
	}
	freshS, err := model.Draw(w, cfg.Samples, cfg.Seed, 1)
	if err != nil {
		return nil, err
	}
	fit, fresh := order.NewEvaluator(fitS, model.Runtime{}), order.NewEvaluator(freshS, model.Runtime{})
	n, N := len(w.Tasks), cfg.Samples
	// Per scenario: the sum over all orders (random = sum/n!) and the least.
	sum := make([]float64, N)
	least := make([]model.Duration, N)
	perms := 0
	var buf []model.Duration
	order.ForEachPerm(n, func(p []int) {
		perms++
		buf = fresh.Makespans(p, buf)
		for k, m := range buf {
			sum[k] += float64(m)
			if perms == 1 || m < least[k] {
				least[k] = m
			}
		}
	})
	random := make([]float64, N)
	for k := range sum {
		random[k] = sum[k] / float64(perms)
	}
	per := map[string][]float64{"random": random, "clairvoyant": toFloat(least)}
	for _, p := range []order.Policy{order.Given, order.LIFMean, order.LIFMedian, order.Best} {
		c, err := order.ChooseUncertain(w, p, fit, order.Limits{}, order.Mean)
		if err != nil {
			return nil, err
		}
		per[string(p)] = toFloat(fresh.Makespans(c.Order, nil))
	}
	meanRandom := mean(random)
	var rows []Row
	for _, p := range Policies {
		xs := per[p]
		m, h := mean(xs), half(xs)
		d := make([]float64, N)
		for k := range d {
			d[k] = random[k] - xs[k]
		}
		dm, dh := mean(d), half(d)
		rows = append(rows, Row{
			Workload: wl.Name, CV: cv, Policy: p,
			Expected: model.Duration(math.Round(m)), Lo: model.Duration(math.Floor(m - h)), Hi: model.Duration(math.Ceil(m + h)),
			Gain: 100 * dm / meanRandom, GainLo: 100 * (dm - dh) / meanRandom, GainHi: 100 * (dm + dh) / meanRandom,
		})
	}
	return rows, nil
}

func toFloat(ms []model.Duration) []float64 {
	out := make([]float64, len(ms))
	for i, m := range ms {
		out[i] = float64(m)
	}
	return out
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// half is the half-width of the normal-approximation 95% interval of the
// mean of xs, 1.959963984540054·s/√N (0 when all are equal).
func half(xs []float64) float64 {
	m, ss := mean(xs), 0.0
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	if len(xs) < 2 || ss == 0 {
		return 0
	}
	return 1.959963984540054 * math.Sqrt(ss/float64(len(xs)-1)/float64(len(xs)))
}

func cvString(cv int) string {
	s := strconv.FormatFloat(float64(cv)/100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// Header is the CSV's header.
const Header = "workload,cv,policy,expected_s,ci95_lo_s,ci95_hi_s,gain_vs_random_pct,gain_lo_pct,gain_hi_pct"

// WriteCSV writes rows with exact decimal seconds and gains to 3 decimals.
func WriteCSV(w io.Writer, rows []Row) error {
	if _, err := fmt.Fprintln(w, Header); err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%s,%s,%s,%s,%s,%s,%.3f,%.3f,%.3f\n", r.Workload, cvString(r.CV), r.Policy,
			model.Format(r.Expected, model.Second), model.Format(r.Lo, model.Second), model.Format(r.Hi, model.Second),
			r.Gain, r.GainLo, r.GainHi); err != nil {
			return err
		}
	}
	return nil
}
