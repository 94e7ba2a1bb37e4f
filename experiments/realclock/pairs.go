package realclock

// Pair is one workload's two rows: longest IO first and shortest IO first
// (nil where the rows lack that order).
type Pair struct {
	ID       int
	LIF, SIF *Row
}

// Pairs groups rows by workload, in the order of each workload's first
// row. A row whose policy is neither "lif" nor "sif" is in no pair.
func Pairs(rows []Row) []Pair {
	at := map[int]int{}
	var out []Pair
	for i := range rows {
		r := &rows[i]
		k, ok := at[r.ID]
		if !ok {
			k = len(out)
			at[r.ID] = k
			out = append(out, Pair{ID: r.ID})
		}
		switch r.Policy {
		case "lif":
			out[k].LIF = r
		case "sif":
			out[k].SIF = r
		}
	}
	return out
}
