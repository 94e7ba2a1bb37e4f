package realworld

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
)

func TestPct(t *testing.T) {
	for _, c := range []struct {
		num, den model.Duration
		want     string
	}{
		{1, 3, "33.33"}, {2, 3, "66.67"}, {-1, 3, "-33.33"}, {1, 200, "0.50"}, {-1, 20000, "-0.01"}, {-1, 20001, "0.00"},
		{-1, 19999, "-0.01"}, {0, 5, "0.00"}, {5, 0, ""}, {123456789, 1000000000, "12.35"},
	} {
		if got := Pct(c.num, c.den); got != c.want {
			t.Errorf("Pct(%d, %d) = %q, want %q", c.num, c.den, got, c.want)
		}
	}
	for _, c := range []struct {
		pct   string
		limit int
		want  bool
	}{{"4.99", 5, true}, {"5.00", 5, true}, {"5.01", 5, false}, {"-5.01", 5, false}, {"-1.20", 2, true}, {"12.00", 5, false}} {
		if within(c.pct, c.limit) != c.want {
			t.Errorf("within(%s, %d) != %v", c.pct, c.limit, c.want)
		}
	}
}

func TestPermutationsAndPositions(t *testing.T) {
	ps := permutations([]int{5, 3, 1})
	if len(ps) != 6 || !reflect.DeepEqual(ps[0], []int{5, 3, 1}) || !reflect.DeepEqual(ps[5], []int{1, 3, 5}) {
		t.Errorf("%v", ps)
	}
	idx, err := positions([]int{5, 3, 1}, []int{1, 5, 3})
	if err != nil || !reflect.DeepEqual(idx, []int{2, 0, 1}) {
		t.Errorf("%v %v", idx, err)
	}
	if _, err := positions([]int{5, 3, 1}, []int{5, 5, 1}); err == nil {
		t.Error("positions accepted a non-permutation")
	}
}

func TestEveryScriptMarksItsGather(t *testing.T) {
	for _, s := range Setups {
		site, err := mainSite(s.Script)
		if err != nil || !strings.HasPrefix(site, s.Script+":") {
			t.Errorf("%s: %q %v", s.Name, site, err)
		}
	}
}

func TestMakespans(t *testing.T) {
	ms, err := makespans([]byte("{\"rep\": 0, \"makespan_ns\": 5}\n{\"rep\": 1, \"makespan_ns\": 7}\n"), 2)
	if err != nil || !reflect.DeepEqual(ms, []model.Duration{5, 7}) {
		t.Errorf("%v %v", ms, err)
	}
	for _, bad := range []string{"", "{\"rep\": 1, \"makespan_ns\": 5}\n", "{\"rep\": 0, \"makespan_ns\": 0}\n", "hello\n", "{\"rep\": 0, \"makespan_ns\": 5, \"x\": 1}\n"} {
		if _, err := makespans([]byte(bad), 1); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	rows := []Row{
		{Setup: "s", Order: []int{5, 3, 1}, Role: "real", Predicted: 900e6, Runs: []model.Duration{910e6, 905123456, 930e6}, Versions: "python 3.11.2", Machine: "m", Load: "1.0", Nice: "-10"},
		{Setup: "s", Order: []int{5, 3, 1}, Role: "recorded", Predicted: 900e6, Runs: []model.Duration{912e6}, OverheadPct: "0.22", AccountedPct: "0.01", ReplayErrorPct: "-0.30", CPUSpreadPct: "4.00", WaitsBefore: "5:9/8", Versions: "v", Machine: "m", Load: "1.0", Nice: "0"},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("round trip:\n%+v\n%+v", got, rows)
	}
	if rows[0].ErrorPct() != "1.11" {
		t.Errorf("error %s", rows[0].ErrorPct())
	}
	bad := strings.Replace(b.String(), "910,", "911,", 1)
	os.WriteFile(path, []byte(bad), 0o644)
	if _, err := ReadCSV(path); err == nil || !strings.Contains(err.Error(), path+":2:") {
		t.Errorf("a median that disagrees with the runs: %v", err)
	}
}

// The committed data: every row reads, and every setup has every order
// and its recorded row.
func TestCommittedData(t *testing.T) {
	rows, err := ReadCSV(filepath.Join("..", "data", "realworld.csv"))
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, r := range rows {
		per[r.Setup+"/"+r.Role]++
	}
	for _, s := range Setups {
		if per[s.Name+"/real"] != 6 || per[s.Name+"/recorded"] != 1 {
			t.Errorf("%s: %d real and %d recorded rows, want 6 and 1", s.Name, per[s.Name+"/real"], per[s.Name+"/recorded"])
		}
	}
}

// One round of one setup end to end: needs Debian's python3 with httpx and
// Flask (scripts/setup-realworld.sh) and runs real sockets on the wall
// clock, so only with GATHERORDER_VERIFY=1 (make verify).
func TestOneRoundEndToEnd(t *testing.T) {
	if !verify.On() {
		t.Skip("real sockets and the wall clock: GATHERORDER_VERIFY=1 (make verify)")
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import httpx, flask").Run(); err != nil {
		t.Skip("needs /usr/bin/python3 with httpx and flask: scripts/setup-realworld.sh")
	}
	ms, err := Run(context.Background(), Config{Python: "/usr/bin/python3", Unit: 50 * time.Millisecond, Delays: []int{5, 3, 1},
		Reps: 1, Timeout: time.Minute, Only: []string{"httpx-pooled-warm"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || len(ms[0].Orders) != 6 || ms[0].Site.Calls != 1 {
		t.Fatalf("%+v", ms)
	}
	for _, o := range ms[0].Orders {
		// Every run waits at least the longest delay (5 units).
		if o.Measured[0] < 250e6 || o.Predicted < 250e6 {
			t.Errorf("order %v: measured %d, predicted %d", o.Delays, o.Measured[0], o.Predicted)
		}
	}
}
