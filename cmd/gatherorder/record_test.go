package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/record"
)

// The record command's tests run recorder.py on the record package's test
// programs under the virtual clock (--virtual-clock), so nothing depends
// on timing. recordStderr is shared, so they do not run in parallel.

var recordMu sync.Mutex

func recordCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	recordMu.Lock()
	defer recordMu.Unlock()
	var errb bytes.Buffer
	old := recordStderr
	recordStderr = &errb
	defer func() { recordStderr = old }()
	code, stdout, cliErr := runCLI(stdin, append([]string{"record"}, args...)...)
	return code, stdout, errb.String() + cliErr
}

func python3(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 on PATH: apt-get install python3 (CPython 3.8 or later)")
	}
	return p
}

func testProgram(name string) string { return filepath.Join("..", "..", "record", "testdata", name) }

func TestRecordWritesAFileThatSimulates(t *testing.T) {
	py := python3(t)
	out := filepath.Join(t.TempDir(), "rec.json")
	code, stdout, stderr := recordCLI(t, "", "-o", out, "--virtual-clock", "--", py, testProgram("seed.py"))
	if code != 0 || stdout != "[1, 3, 5]\n" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !record.IsRecorderFile(data) {
		t.Fatal("the output is not a recorder file")
	}
	f, err := record.Parse(out, data)
	if err != nil {
		t.Fatal(err)
	}
	sites := record.Sites(f)
	if len(sites) != 1 || sites[0].Site != "seed.py:16" {
		t.Fatalf("sites %+v", sites)
	}
	// Each site's workload is a workload simulate reads.
	code, stdout, stderr = runCLI(string(model.Marshal(sites[0].Workload)), "simulate", "--order", "best", "-")
	if code != 0 || !strings.Contains(stdout, "best") {
		t.Errorf("simulate: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestRecordPassesTheProgramsExitStatusAndStreams(t *testing.T) {
	py := python3(t)
	out := filepath.Join(t.TempDir(), "rec.json")
	code, stdout, stderr := recordCLI(t, "x\n", "-o", out, "--virtual-clock", "--", py, testProgram("stdin.py"), "3")
	if code != 3 || stdout != "X\n" || stderr != "args: 3\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = recordCLI(t, "", "-o", out, "--virtual-clock", "--", py, testProgram("raises.py"))
	if code != 1 || !strings.Contains(stderr, "ValueError: the program's own error") {
		t.Errorf("raises.py: exit %d, stderr %q", code, stderr)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.Contains(string(data), "raises.py:13") {
		t.Errorf("the program that raised left no recording: %v", err)
	}
}

func TestRecordBadInvocationsExit2WithOneLine(t *testing.T) {
	py := python3(t)
	out := filepath.Join(t.TempDir(), "rec.json")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", out, "--", py, "no/such/script.py"}, "gatherorder record: no/such/script.py: no such script\n"},
		{[]string{"--", py, testProgram("seed.py")}, "missing -o FILE"},
		{[]string{"-o", out}, "no program to record"},
		{[]string{"-o", out, "--runs", "0", "--", py, "x.py"}, "--runs 0"},
		{[]string{"-o", out, "--timeout", "-1s", "--", py, "x.py"}, "--timeout"},
		{[]string{"-o", out, "--bogus"}, "flag provided but not defined"},
	} {
		code, stdout, stderr := recordCLI(t, "", c.args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and one line containing %q", c.args, code, stdout, stderr, c.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed invocation wrote the output file")
	}
}

// simulate reads a recorder file too: every site gets a header and the
// report of its median workload, and --json wraps the reports in "sites".
func TestSimulateReportsEverySiteOfARecording(t *testing.T) {
	const file = "testdata/record/aiohttp-pooled-warm.json"
	var out, errb bytes.Buffer
	if code := run([]string{"simulate", "--order", "given,best", file}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := out.String()
	for _, want := range []string{
		"site aiohttp_pooled.py:30 (gather): 5 calls, median measured makespan 0.008039967 s",
		"site aiohttp_pooled.py:32 (gather): 5 calls, median measured makespan 0.709282034 s",
		"best: gather(\"work#1\", \"work#2\", \"work#3\") takes 0.706338644 s",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}
	out.Reset()
	if code := run([]string{"simulate", "--json", "--order", "given,best", file}, nil, &out, &errb); code != 0 {
		t.Fatalf("--json: exit %d: %s", code, errb.String())
	}
	var doc struct {
		Sites []struct {
			Site     string
			Calls    int
			Measured json.Number
			Report   struct {
				Runtime string
				Results []struct{ Policy string }
			}
		}
	}
	dec := json.NewDecoder(&out)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sites) != 2 || doc.Sites[1].Site != "aiohttp_pooled.py:32" || doc.Sites[1].Calls != 5 ||
		doc.Sites[1].Measured != "0.709282034" || len(doc.Sites[1].Report.Results) != 2 || doc.Sites[1].Report.Runtime != "asyncio" {
		t.Fatalf("unexpected JSON: %+v", doc)
	}
}
