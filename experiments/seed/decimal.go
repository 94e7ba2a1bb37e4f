package seed

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// rat reads a plain decimal ("12.323269128799438") exactly. The thread
// prints Python floats with up to 17 significant digits; big.Rat keeps all
// of them, so measured values are compared without rounding.
func rat(text string) (*big.Rat, error) {
	if text == "" || strings.ContainsAny(text, "eE/+-") {
		return nil, fmt.Errorf("%q is not a plain non-negative decimal", text)
	}
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return nil, fmt.Errorf("%q is not a plain non-negative decimal", text)
	}
	return r, nil
}

// nanos rounds a decimal number of seconds to the nearest nanosecond (half
// up) and parses it with model.ParseDuration, so the model path never sees
// a float. Rounding is needed because the logs print 16 fractional digits;
// it is harmless because the thread's clock, time.time() near 1.68e9 s, is
// a double whose spacing is 2^-22 s ≈ 238 ns: digits below 1 ns are noise.
func nanos(text string) (model.Duration, error) {
	whole, frac, _ := strings.Cut(text, ".")
	up := false
	if len(frac) > 9 {
		up = frac[9] >= '5'
		frac = frac[:9]
	}
	t := whole
	if frac != "" {
		t += "." + frac
	}
	d, err := model.ParseDuration(t, model.Second)
	if err != nil {
		return 0, err
	}
	if up {
		d, err = model.Add(d, 1)
	}
	return d, err
}

// decimal writes r exactly as a terminating decimal ("7.0263855666"). Every
// r here is a decimal divided by a small run count of 1 or 5, so the
// expansion terminates; anything else is a programming error.
func decimal(r *big.Rat) string {
	for digits := 0; digits <= 40; digits++ {
		s := r.FloatString(digits)
		if back, _ := new(big.Rat).SetString(s); back.Cmp(r) == 0 {
			return s
		}
	}
	panic("seed: non-terminating decimal " + r.String())
}

// seconds is d as an exact rational number of seconds.
func seconds(d model.Duration) *big.Rat {
	return big.NewRat(int64(d), 1e9)
}

// RelErr is the relative error |measured − predicted| / measured.
func RelErr(measured *big.Rat, predicted model.Duration) *big.Rat {
	e := new(big.Rat).Sub(measured, seconds(predicted))
	e.Abs(e)
	return e.Quo(e, measured)
}

// Percent formats a ratio as a percentage with two decimals (for reports;
// comparisons use the exact ratio).
func Percent(r *big.Rat) string {
	return new(big.Rat).Mul(r, big.NewRat(100, 1)).FloatString(2) + "%"
}
