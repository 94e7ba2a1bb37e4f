package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// machine describes the computer a timing was taken on: GOOS/GOARCH, the
// CPU model from /proc/cpuinfo where there is one, the number of CPUs Go
// may use, and the one-minute load average (other work perturbs timings).
// It is written into data/scaling_time.csv next to the times.
func machine() string {
	s := runtime.GOOS + "/" + runtime.GOARCH
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			if ok && strings.TrimSpace(k) == "model name" {
				s += " " + strings.Join(strings.Fields(v), " ")
				break
			}
		}
		f.Close()
	}
	s += fmt.Sprintf(", %d CPUs", runtime.GOMAXPROCS(0))
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 0 {
			s += ", load " + f[0]
		}
	}
	return s
}
