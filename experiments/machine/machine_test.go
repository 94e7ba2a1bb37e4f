package machine

import (
	"runtime"
	"strings"
	"testing"
)

// The description has the forms the measurement files record: the
// platform alone (realclock.csv's machine column) and with CPUs and load
// (scaling_time.csv's).
func TestDescriptionForms(t *testing.T) {
	m := Machine{OS: "linux", Arch: "amd64", CPU: "AMD EPYC", CPUs: 2, Load1: "5.20"}
	if got := m.Platform(); got != "linux/amd64 AMD EPYC" {
		t.Errorf("Platform() = %q", got)
	}
	if got := m.String(); got != "linux/amd64 AMD EPYC, 2 CPUs, load 5.20" {
		t.Errorf("String() = %q", got)
	}
	m.CPU, m.Load1 = "", ""
	if got := m.String(); got != "linux/amd64, 2 CPUs" {
		t.Errorf("String() without CPU model and load = %q", got)
	}
	if h := This(); h.OS != runtime.GOOS || h.CPUs < 1 || !strings.HasPrefix(h.String(), runtime.GOOS+"/"+runtime.GOARCH) {
		t.Errorf("This() = %+v", h)
	}
}
