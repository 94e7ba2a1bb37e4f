package hop

import (
	"github.com/gatherorder/gatherorder/internal/verify"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func get(t *testing.T, s *Server, path string) (int, string, time.Duration) {
	t.Helper()
	start := time.Now()
	resp, err := http.Get("http://" + s.Addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), time.Since(start)
}

// The delay server answers /delay/N, on loopback only, rejects malformed
// or oversized delays, and stops after Limit requests.
func TestServerAnswersDelayAndStopsAtItsLimit(t *testing.T) {
	s, err := StartServer(6)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.Addr, "127.0.0.1:") {
		t.Fatalf("listens on %s, want loopback", s.Addr)
	}
	if code, body, _ := get(t, s, "/delay/30"); code != 200 || body != "delay 30" {
		t.Errorf("/delay/30: %d %q", code, body)
	}
	for _, p := range []string{"/delay/x", "/delay/-1", "/delay/010", "/delay/10001"} {
		if code, _, _ := get(t, s, p); code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", p, code)
		}
	}
	if code, _, _ := get(t, s, "/delay/0"); code != 200 {
		t.Errorf("6th request: %d, want 200", code)
	}
	if code, _, _ := get(t, s, "/delay/0"); code != http.StatusServiceUnavailable {
		t.Errorf("7th request: %d, want 503", code)
	}
	if err := s.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}

// The delay server answers /delay/N no sooner than N ms (the wall clock:
// only with GATHERORDER_VERIFY=1, make hop or make verify).
func TestServerWaitsAtLeastTheDelay(t *testing.T) {
	if !verify.On() {
		t.Skip("wall-clock timing: set GATHERORDER_VERIFY=1 (make hop, make verify)")
	}
	s, err := StartServer(1)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if code, body, took := get(t, s, "/delay/30"); code != 200 || body != "delay 30" || took < 30*time.Millisecond {
		t.Errorf("/delay/30: %d %q after %v", code, body, took)
	}
}
