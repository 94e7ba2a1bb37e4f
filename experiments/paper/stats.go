package main

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// summary is a sample's mean with a percentile-bootstrap confidence
// interval, and its extremes.
type summary struct {
	Mean, Lo, Hi, Min, Max float64
}

// bootstrapMean summarises xs: the mean, the central level (e.g. 0.95)
// percentile-bootstrap interval of the mean from b resamples drawn with
// rng (B. Efron and R. J. Tibshirani, An Introduction to the Bootstrap,
// 1993, ch. 13), and the sample's minimum and maximum. The quantiles are
// gonum's stat.Quantile with the empirical (inverse-CDF) estimator. A
// seeded rng makes the interval reproducible bit for bit.
func bootstrapMean(xs []float64, b int, level float64, rng *rand.Rand) summary {
	n := len(xs)
	if n == 0 {
		return summary{}
	}
	s := summary{Mean: stat.Mean(xs, nil), Min: slices.Min(xs), Max: slices.Max(xs)}
	means := make([]float64, b)
	for i := range means {
		var sum float64
		for range n {
			sum += xs[rng.IntN(n)]
		}
		means[i] = sum / float64(n)
	}
	slices.Sort(means)
	a := (1 - level) / 2
	s.Lo = stat.Quantile(a, stat.Empirical, means, nil)
	s.Hi = stat.Quantile(1-a, stat.Empirical, means, nil)
	return s
}
