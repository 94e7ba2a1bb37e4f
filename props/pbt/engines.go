package pbt

import "github.com/gatherorder/gatherorder/props"

// Engines are the random engines, rapid then gopter, each with the
// budget's number of checks, ranges and seed, for props.Options.Random.
func Engines() []props.RandomEngine {
	return []props.RandomEngine{
		{Name: "rapid", Run: func(c props.Claim, b props.Budget) props.RandomReport {
			return Rapid(c, b.Wides[c.Class], b.RandomChecks, b.Seed)
		}},
		{Name: "gopter", Run: func(c props.Claim, b props.Budget) props.RandomReport {
			return Gopter(c, b.Wides[c.Class], b.GopterChecks, int64(b.Seed))
		}},
	}
}
