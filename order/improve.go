package order

import (
	"math/rand/v2"

	"github.com/gatherorder/gatherorder/model"
)

// improver is the local search of Search: late acceptance hill climbing
// (E. K. Burke and Y. Bykov, The late acceptance hill-climbing heuristic,
// European Journal of Operational Research 258(1):70-78, 2017) over
// insertion moves. A move takes the job at a random gather position and
// moves it by 1 to window positions, exchange by exchange on a
// releaseTree, so it costs O(window · log n) whatever n. The move is kept
// when the new makespan is no larger than the current one or than the
// current one histLen moves ago, else undone; plateau moves are kept,
// which lets the search drift across the many orders of equal makespan
// that a maximum leaves. The generator is seeded: for a given number of
// moves the result is a function of the jobs and the start order.
type improver struct {
	t     *releaseTree
	rng   *rand.Rand
	cur   model.Duration
	hist  []model.Duration
	moves int64
	best  []int
	bestC model.Duration
	// window is the largest distance a job moves in one move.
	window int
}

// histLen is the late-acceptance history length: about a thousand moves
// back, which beat 100 and 10,000 on 100 jobs of the benchmark
// distribution.
const histLen = 1000

// moveWindow is the largest move distance.
const moveWindow = 10

func newImprover(jobs []model.Job, ord []int, seed uint64) *improver {
	return newImproverFrom(newReleaseTree(jobs, ord), seed)
}

// newImproverFrom starts the local search from the order of t.
func newImproverFrom(t *releaseTree, seed uint64) *improver {
	n := len(t.ord)
	im := &improver{t: t, rng: rand.New(rand.NewPCG(seed, uint64(n))), cur: t.makespan(),
		hist: make([]model.Duration, histLen), window: min(moveWindow, max(1, n-1))}
	for i := range im.hist {
		im.hist[i] = im.cur
	}
	im.best, im.bestC = append([]int(nil), t.ord...), im.cur
	return im
}

// run makes up to moves moves, stopping early once the best makespan is
// at most target or stop returns true (asked every 256 moves). It returns
// the number of moves made.
func (im *improver) run(moves int64, target model.Duration, stop func() bool) int64 {
	n := len(im.t.ord)
	if n < 2 {
		return 0
	}
	var done int64
	for ; done < moves && im.bestC > target; done++ {
		if done&255 == 255 && stop() {
			break
		}
		var i int
		d := 1 + im.rng.IntN(im.window)
		switch im.rng.IntN(4) {
		case 0:
			// A job of the critical run, moved earlier: its release
			// moves before the run's start, or the run shortens.
			p := im.t.critical()
			i = im.t.pos[im.t.jobAt[p+im.rng.IntN(len(im.t.jobAt)-p)]]
			d = -d
		case 1:
			i = im.rng.IntN(n)
		default:
			i = im.rng.IntN(n)
			d = -d
		}
		k := i + d
		if k < 0 || k >= n {
			k = i - d // the other direction always fits: d < n
			if k < 0 || k >= n {
				continue
			}
		}
		im.shift(i, k)
		c := im.t.makespan()
		h := int(im.moves % histLen)
		im.moves++
		if c <= im.cur || c <= im.hist[h] {
			im.cur = c
			if c < im.bestC {
				im.bestC = c
				copy(im.best, im.t.ord)
			}
		} else {
			im.shift(k, i)
		}
		if im.cur < im.hist[h] {
			im.hist[h] = im.cur
		}
	}
	return done
}

// shift moves the job at gather position i to position k by exchanges.
func (im *improver) shift(i, k int) {
	for ; i < k; i++ {
		im.t.swap(i)
	}
	for ; i > k; i-- {
		im.t.swap(i - 1)
	}
}

// restart continues from ord (a better order found elsewhere).
func (im *improver) restart(jobs []model.Job, ord []int, c model.Duration) {
	im.t = newReleaseTree(jobs, ord)
	im.cur = c
	for i := range im.hist {
		im.hist[i] = c
	}
	im.best, im.bestC = append(im.best[:0], ord...), c
}
