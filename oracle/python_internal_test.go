package oracle

import (
	"strings"
	"testing"
)

// A missing or wrong interpreter is an error that says how to install the
// right one, never a silent fallback.
func TestMissingInterpreterIsNamedWithTheInstallHint(t *testing.T) {
	if _, _, err := cpython311("/nonexistent/python3"); err == nil || err.Error() != "not found" {
		t.Fatalf("err %v; want not found", err)
	}
	// /bin/sh runs, but is no Python: the version probe must reject it.
	if _, _, err := cpython311("/bin/sh"); err == nil {
		t.Fatal("/bin/sh accepted as CPython 3.11")
	}
	if !strings.Contains(InstallHint, "apt-get install python3") {
		t.Fatalf("hint %q", InstallHint)
	}
}

// A response that does not answer its request poisons the stream; a
// driver error for a well-formed request is an ordinary error.
func TestResponsesAreMatchedToRequests(t *testing.T) {
	if _, err := decodeResult([]byte(`{"id": 3, "finish": {}, "makespan": 0}`), 4, nil); err == nil {
		t.Fatal("wrong id accepted")
	} else if _, ok := err.(protocolError); !ok {
		t.Fatalf("wrong id: %T %v", err, err)
	}
	_, err := decodeResult([]byte(`{"id": 4, "error": "task 'a' step 0: boom"}`), 4, nil)
	if _, ok := err.(protocolError); ok || err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("driver error: %T %v", err, err)
	}
}

// Wire names are exactly t<i> as Run sends them; aliases are protocol errors.
func TestTaskIndexAcceptsOnlyCanonicalNames(t *testing.T) {
	for name, ok := range map[string]bool{"t0": true, "t2": true, "t3": false, "t01": false, "t+1": false, "t-1": false, "x1": false, "t": false} {
		if _, got := taskIndex(name, 3); got != ok {
			t.Errorf("taskIndex(%q, 3) ok = %v, want %v", name, got, ok)
		}
	}
}
