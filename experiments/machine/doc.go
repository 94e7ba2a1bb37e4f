// Package machine describes the computer a measurement was taken on, for
// the experiments that measure wall-clock time (experiments/realclock,
// experiments/hop, the paper generator's -measure-scaling): other work on
// the machine perturbs such measurements, so each records where and under
// what load it was taken.
//
// This returns the Machine: GOOS/GOARCH and the CPU model (Platform), the
// CPUs Go may use and the one-minute load average; String is the one-line
// description. Load1 re-reads the load average alone, for rows measured
// one after another.
package machine
