package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Spawn is how the program starts the workload's tasks, always in the
// order of the gather arguments (model/SEMANTICS.md §S11).
type Spawn uint8

const (
	// Gather is `await asyncio.gather(*coros)` (model/SEMANTICS.md §S2),
	// the zero value.
	Gather Spawn = iota
	// TaskGroup is `async with asyncio.TaskGroup() as tg:` with one
	// `tg.create_task(c)` per coroutine in order (CPython 3.11 and later).
	TaskGroup
	// Eager is gather with `loop.set_task_factory(asyncio.eager_task_factory)`:
	// each task takes its first step inside create_task (CPython 3.12 and
	// later).
	Eager
)

var spawnNames = [...]string{Gather: "gather", TaskGroup: "taskgroup", Eager: "eager"}

// spawnSince is the first CPython minor version that has each style.
var spawnSince = [...]int{Gather: 8, TaskGroup: 11, Eager: 12}

// Spawns lists every spawn style.
func Spawns() []Spawn { return []Spawn{Gather, TaskGroup, Eager} }

func (s Spawn) String() string { return enumName(spawnNames[:], s, "Spawn") }

// enumName is names[v], or typ(v) for a value without a name.
func enumName[T ~uint8](names []string, v T, typ string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// Since is the first CPython minor version (3.Since) that has the style.
func (s Spawn) Since() int {
	if int(s) < len(spawnSince) {
		return spawnSince[s]
	}
	return 0
}

// ParseSpawn reads "gather", "taskgroup" or "eager".
func ParseSpawn(s string) (Spawn, error) {
	for i, n := range spawnNames {
		if s == n {
			return Spawn(i), nil
		}
	}
	return 0, fmt.Errorf("unknown spawn style %q (gather, taskgroup, eager)", s)
}

// TieRule is the order in which timers with equal deadlines leave the
// timer heap (model/SEMANTICS.md §S4 and §S12).
type TieRule uint8

const (
	// TiesHeapq is CPython's heapq sift order (model/SEMANTICS.md §S4),
	// the zero value: what CPython does when deadlines are exactly equal,
	// as under the oracle's virtual clock.
	TiesHeapq TieRule = iota
	// TiesArmed is arming order (model/SEMANTICS.md §S12): what a real
	// clock does, where two deadlines computed at different instants
	// never tie.
	TiesArmed
)

var tieNames = [...]string{TiesHeapq: "heapq", TiesArmed: "armed"}

// TieRules lists every tie rule.
func TieRules() []TieRule { return []TieRule{TiesHeapq, TiesArmed} }

func (t TieRule) String() string { return enumName(tieNames[:], t, "TieRule") }

// ParseTieRule reads "heapq" or "armed".
func ParseTieRule(s string) (TieRule, error) {
	for i, n := range tieNames {
		if s == n {
			return TieRule(i), nil
		}
	}
	return 0, fmt.Errorf("unknown tie rule %q (heapq, armed)", s)
}

// The CPython minor versions the model covers: 3.MinMinor to 3.MaxMinor.
const (
	MinMinor = 8
	MaxMinor = 13
	// BaseMinor is the version of the zero Runtime, the one
	// model/SEMANTICS.md §S1 to §S10 cite.
	BaseMinor = 11
)

// Loop is the event loop a runtime runs on. The zero value is CPython's
// asyncio loop (model/SEMANTICS.md §S1 to §S12); the others are libuv loops
// with semantics of their own (uvloop.go, node.go).
type Loop uint8

const (
	// Asyncio is CPython's asyncio selector event loop, the zero value.
	Asyncio Loop = iota
	// UVLoop is uvloop 0.17 on libuv 1.44 under CPython 3.11
	// (model/SEMANTICS.md §S14).
	UVLoop
	// Node is Node.js 20 on libuv 1.46, `await Promise.all([...])` over
	// async functions (model/SEMANTICS.md §S15).
	Node
)

var loopNames = [...]string{Asyncio: "asyncio", UVLoop: "uvloop", Node: "node"}

func (l Loop) String() string { return enumName(loopNames[:], l, "Loop") }

// Runtime is the runtime variant the simulator reproduces: an event loop,
// a CPython minor version and a spawn style (model/SEMANTICS.md §S11) and
// a tie rule (model/SEMANTICS.md §S12). The zero value is CPython 3.11,
// gather, heapq ties: the base model of model/SEMANTICS.md §S1 to §S10,
// which Simulate runs. Runtime{Loop: UVLoop} and Runtime{Loop: Node} are
// the libuv runtimes of model/SEMANTICS.md §S14 and §S15: uvloop runs
// CPython 3.11 with gather only, Node has no CPython version (Minor 0) and
// Promise.all only (Spawn Gather). On uvloop both tie rules name one run,
// libuv's own (deadline, arming) order; on Node TiesHeapq is Node's own
// order of equal expiries, by list id, and TiesArmed orders them by arming
// (model/SEMANTICS.md §S14.3, §S15.3).
type Runtime struct {
	// Minor is the CPython minor version 3.Minor, MinMinor to MaxMinor;
	// 0 means BaseMinor (3.11).
	Minor int
	Spawn Spawn
	Ties  TieRule
	Loop  Loop
}

// Version is the CPython minor version 3.Version() the runtime stands for.
func (r Runtime) Version() int {
	if r.Minor == 0 {
		return BaseMinor
	}
	return r.Minor
}

// Validate reports whether the runtime exists: a covered version, a known
// spawn style that the version has, a known tie rule.
func (r Runtime) Validate() error {
	if r.Loop != Asyncio {
		return r.validateLibuv()
	}
	v := r.Version()
	if v < MinMinor || v > MaxMinor {
		return fmt.Errorf("CPython 3.%d is not covered (3.%d to 3.%d)", v, MinMinor, MaxMinor)
	}
	if int(r.Spawn) >= len(spawnNames) {
		return fmt.Errorf("unknown spawn style %d", r.Spawn)
	}
	if v < r.Spawn.Since() {
		return fmt.Errorf("spawn %s needs CPython 3.%d or later, not 3.%d", r.Spawn, r.Spawn.Since(), v)
	}
	if int(r.Ties) >= len(tieNames) {
		return fmt.Errorf("unknown tie rule %d", r.Ties)
	}
	return nil
}

// String is the form ParseRuntime reads: "3.11/gather/heapq", and
// "uvloop" or "node" for the libuv runtimes, with "/armed" under TiesArmed.
func (r Runtime) String() string {
	if r.Loop != Asyncio {
		if r.Ties != TiesHeapq {
			return r.Loop.String() + "/" + r.Ties.String()
		}
		return r.Loop.String()
	}
	return fmt.Sprintf("3.%d/%s/%s", r.Version(), r.Spawn, r.Ties)
}

// ParseRuntime reads "3.MINOR[/SPAWN[/TIES]]" (spawn gather and ties
// heapq by default), e.g. "3.12/eager/armed", or "uvloop[/TIES]" or
// "node[/TIES]", and validates it.
func ParseRuntime(s string) (Runtime, error) {
	var r Runtime
	if l, ties, ok := parseLibuvLoop(s); ok {
		return Runtime{Loop: l, Ties: ties}, nil
	}
	parts := strings.Split(s, "/")
	if len(parts) > 3 {
		return r, fmt.Errorf("runtime %q: want 3.MINOR[/SPAWN[/TIES]]", s)
	}
	minor, ok := strings.CutPrefix(parts[0], "3.")
	m, err := strconv.Atoi(minor)
	if !ok || err != nil || strconv.Itoa(m) != minor {
		return r, fmt.Errorf("runtime %q: version %q is not 3.MINOR", s, parts[0])
	}
	r.Minor = m
	if len(parts) > 1 {
		if r.Spawn, err = ParseSpawn(parts[1]); err != nil {
			return r, fmt.Errorf("runtime %q: %w", s, err)
		}
	}
	if len(parts) > 2 {
		if r.Ties, err = ParseTieRule(parts[2]); err != nil {
			return r, fmt.Errorf("runtime %q: %w", s, err)
		}
	}
	if err := r.Validate(); err != nil {
		return r, fmt.Errorf("runtime %q: %w", s, err)
	}
	return r, nil
}

// Runtimes lists every valid runtime with the given tie rule, by version
// and then spawn style.
func Runtimes(ties TieRule) []Runtime {
	var rs []Runtime
	for m := MinMinor; m <= MaxMinor; m++ {
		for _, s := range Spawns() {
			if r := (Runtime{Minor: m, Spawn: s, Ties: ties}); r.Validate() == nil {
				rs = append(rs, r)
			}
		}
	}
	return rs
}

// Simulate is Simulate under the runtime r: the finish times and the full
// trace of `await asyncio.gather(*tasks)` (or r's spawn style) with the
// tasks started in order (nil: the given order). w must be valid
// (Workload.Validate); an invalid r panics (Runtime.Validate).
func (r Runtime) Simulate(w *Workload, order []int) Result {
	s := Sim{Runtime: r}
	return *s.Run(w, order, true)
}

// errRuntime is the panic of a Sim whose Runtime is invalid.
var errRuntime = errors.New("gatherorder/model: invalid Runtime")
