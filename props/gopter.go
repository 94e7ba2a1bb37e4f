package props

import (
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"
)

// Gopter checks claim c with gopter, an engine independent of rapid: its
// own generator (the class's flat integer vector, Class.Gopter), its own
// random source and its own shrinker, so that no verdict rests on one
// generator's biases.
func Gopter(c Claim, w Wide, checks int, seed int64) RandomReport {
	rep := RandomReport{Engine: "gopter", Wide: w}
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = checks
	var e Eval
	failed := false
	p := prop.ForAll(func(v []int64) bool {
		ok := c.Check(&e, NewInstance(c.Class.Decode(v, w))) == nil
		if !ok {
			failed = true
		} else if !failed {
			rep.Checks++
		}
		return ok
	}, c.Class.Gopter(w))
	res := p.Check(params)
	if res.Status == gopter.TestFailed && len(res.Args) > 0 {
		if v, ok := res.Args[0].Arg.([]int64); ok {
			in := NewInstance(c.Class.Decode(v, w))
			if f := c.Check(&e, in); f != nil {
				rep.Found, rep.Failure = in, f
			}
		}
	}
	return rep
}
