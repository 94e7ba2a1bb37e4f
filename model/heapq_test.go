package model

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// Reference: model/SEMANTICS.md §S4: four equal timers pushed 0,1,2,3
// leave as 0,2,1,3.
func TestHeapTiesPopInCPythonOrder(t *testing.T) {
	var h timerHeap
	for i := range 4 {
		h.push(5, int32(i))
	}
	var got []int32
	for h.len() > 0 {
		_, tk := h.pop()
		got = append(got, tk)
	}
	if fmt.Sprint(got) != "[0 2 1 3]" {
		t.Fatalf("pop order %v, want [0 2 1 3]", got)
	}
}

// The timer heap agrees with CPython's own heapq on random interleavings
// of pushes and pops with many equal deadlines. It asks python3, so the
// comparison is against the real algorithm, not a transcription of it.
func TestHeapMatchesPythonHeapq(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 not found: install it (apt-get install python3) — .ci/run does")
	}
	type prog struct {
		Ops []int64 `json:"ops"` // >= 0: push this deadline; -1: pop
	}
	var progs []prog
	var mine [][]int32
	rapid.Check(t, func(t *rapid.T) {
		ops := rapid.SliceOfN(rapid.Int64Range(-1, 4), 0, 40).Draw(t, "ops")
		var h timerHeap
		var out []int32
		id := int32(0)
		for i, op := range ops {
			if op < 0 {
				if h.len() == 0 {
					ops[i] = -2 // no-op, also in Python
					continue
				}
				_, tk := h.pop()
				out = append(out, tk)
				continue
			}
			h.push(Duration(op), id)
			id++
		}
		progs = append(progs, prog{ops})
		mine = append(mine, out)
	})
	in, _ := json.Marshal(progs)
	script := `
import heapq, json, sys
class T:
    def __init__(s, when, i): s.when, s.i = when, i
    def __lt__(s, o): return s.when < o.when
out = []
for p in json.load(sys.stdin):
    h, res, i = [], [], 0
    for op in p["ops"]:
        if op == -1: res.append(heapq.heappop(h).i)
        elif op >= 0: heapq.heappush(h, T(op, i)); i += 1
    out.append(res)
print(json.dumps(out))`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var theirs [][]int32
	if err := json.Unmarshal(b, &theirs); err != nil {
		t.Fatal(err)
	}
	for i := range mine {
		if fmt.Sprint(mine[i]) != fmt.Sprint(theirs[i]) {
			t.Fatalf("program %v: Go pops %v, CPython heapq pops %v", progs[i].Ops, mine[i], theirs[i])
		}
	}
}
