package pbt

import (
	"github.com/gatherorder/gatherorder/props"
	"github.com/leanovate/gopter"
	gg "github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// GopterGen is the gopter generator of class c within w: a flat vector of
// c.Width(w) integers in [0, w.MaxDur], decoded by c.Decode.
func GopterGen(c *props.Class, w props.Wide) gopter.Gen {
	return gg.SliceOfN(c.Width(w), gg.Int64Range(0, int64(w.MaxDur)))
}

// Gopter checks claim c with gopter, an engine independent of rapid: its
// own generator (GopterGen), its own random source and its own shrinker.
func Gopter(c props.Claim, w props.Wide, checks int, seed int64) props.RandomReport {
	rep := props.RandomReport{Engine: "gopter", Wide: w}
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = checks
	var e props.Eval
	failed := false
	p := prop.ForAll(func(v []int64) bool {
		ok := c.Check(&e, props.NewInstance(c.Class.Decode(v, w))) == nil
		if !ok {
			failed = true
		} else if !failed {
			rep.Checks++
		}
		return ok
	}, GopterGen(c.Class, w))
	res := p.Check(params)
	if res.Status == gopter.TestFailed && len(res.Args) > 0 {
		if v, ok := res.Args[0].Arg.([]int64); ok {
			in := props.NewInstance(c.Class.Decode(v, w))
			if f := c.Check(&e, in); f != nil {
				rep.Found, rep.Failure = in, f
			}
		}
	}
	return rep
}
