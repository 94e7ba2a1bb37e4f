package main

import (
	"bufio"
	"os"
	"runtime"
	"strings"
)

// machine is a short description of the computer: GOOS/GOARCH and the CPU
// model from /proc/cpuinfo (where there is one).
func machine() string {
	s := runtime.GOOS + "/" + runtime.GOARCH
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return s
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return s + " " + strings.Join(strings.Fields(v), " ")
		}
	}
	return s
}

// loadavg1 is the one-minute load average from /proc/loadavg ("" if
// unavailable). Other work on the machine perturbs wall-clock runs, so
// every row records it.
func loadavg1() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
