// Package pbt holds the claim engines built on property-based testing
// libraries: rapid (pgregory.net/rapid, with its shrinker) and gopter
// (github.com/leanovate/gopter, with its own generator and shrinker), so
// that no verdict rests on one generator's biases. Engines returns both,
// for props.Options.Random.
//
// Both libraries link Go's testing package, so this package is kept apart
// from package props, whose registry, classes and exhaustive engine the
// shipped binary (cmd/gatherorder) uses without it. rapid reads its
// settings from flag.CommandLine and consults testing.Short: inside a test
// binary that is ready; a main that runs these engines must call
// testing.Init and parse flag.CommandLine before (experiments/paper does).
// Nothing here parses flags.
//
// # The generators
//
// Rapid draws each class with the class's own rapid generator (Generator),
// built on the tie-heavy duration draws of internal/gen. Gopter draws a
// flat vector of Class.Width integers in [0, MaxDur] that Class.Decode
// turns into a member: raw integers keep gopter's shrinker (towards 0,
// element by element) effective and keep the engine independent of rapid.
package pbt
