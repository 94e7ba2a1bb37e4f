package machine

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// Machine is a description of the computer.
type Machine struct {
	OS, Arch string // runtime.GOOS and runtime.GOARCH
	// CPU is the model name from /proc/cpuinfo ("" where there is none).
	CPU string
	// CPUs is the number of CPUs Go may use (runtime.GOMAXPROCS).
	CPUs int
	// Load1 is the one-minute load average when This was called (Load1).
	Load1 string
}

// This describes the computer the program runs on.
func This() Machine {
	return Machine{OS: runtime.GOOS, Arch: runtime.GOARCH, CPU: cpuModel(), CPUs: runtime.GOMAXPROCS(0), Load1: Load1()}
}

// Platform is GOOS/GOARCH and the CPU model: "linux/amd64 AMD EPYC".
func (m Machine) Platform() string {
	s := m.OS + "/" + m.Arch
	if m.CPU != "" {
		s += " " + m.CPU
	}
	return s
}

// String is the platform, the CPUs and the load average:
// "linux/amd64 AMD EPYC, 2 CPUs, load 0.52" (no load where unknown).
func (m Machine) String() string {
	s := m.Platform() + fmt.Sprintf(", %d CPUs", m.CPUs)
	if m.Load1 != "" {
		s += ", load " + m.Load1
	}
	return s
}

// Load1 is the one-minute load average from /proc/loadavg, as written
// there ("" if unavailable).
func Load1() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return ""
}

// cpuModel is the first "model name" of /proc/cpuinfo, its white space
// folded ("" if there is none).
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return ""
}
