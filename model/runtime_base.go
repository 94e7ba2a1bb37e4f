package model

// IsBase reports whether r simulates exactly as the zero Runtime, the base
// model of model/SEMANTICS.md §S1 to §S10: every CPython version and spawn
// style with heapq ties (model/SEMANTICS.md §S11 finds no difference, and
// TestEveryRuntimeWithHeapqTiesIsTheBaseModel checks it), on CPython's own
// loop (not uvloop or Node, model/SEMANTICS.md §S14, §S15). Results proven
// on the base model (the closed form, the optimizer's bounds) hold for r.
func (r Runtime) IsBase() bool { return r.Loop == Asyncio && r.Ties == TiesHeapq }
