// Package realclock validates the model against real CPython on the wall
// clock: it runs seeded random workloads with the asyncio driver in
// --clock real mode (time.sleep for CPU, asyncio.sleep, loopback sockets
// for IO; oracle/drivers, oracle.StartReal) and compares measured
// with predicted makespans. The command is cmd/realclock (make measure);
// the paper generator reads the committed experiments/data/realclock.csv
// with this package and quotes its Summary.
//
// # Inputs
//
// Workloads draws Spec values (2 to 5 tasks; even ids Canonical
// cpu/sleep/cpu, odd ids General, durations in whole units), a function
// of (seed, n) only, so every run measures the same inputs.
//
// # Measuring
//
// Measure gathers each workload in the longest-IO-first and
// shortest-IO-first orders, each Config.Repeats times on a fresh event
// loop, and returns one Row per workload and order: the model's prediction
// (model.Simulate, exact), the median, minimum and maximum measured
// makespan in ms, the CPython version, the machine (machine.Machine's
// Platform) and the one-minute load average when the row was measured. The
// model is exact for the loop; the wall clock adds time.sleep overshoot,
// the epoll selector's rounding of timeouts up to whole milliseconds,
// thread wake-up latency and whatever else the machine is running, so
// measured minus predicted is expected to be small and positive, and
// medians over repeats damp outliers from other load.
//
// # The file
//
// Header is the CSV's header; WriteCSV and ReadCSV write and read Row
// values (ReadCSV checks every field; errors name the file and line).
//
// # Statistics
//
// Summarize returns the Summary of rows: the median and 95th percentile
// (Quantile, nearest rank, so always an observed value) of the absolute
// and relative error of the measured medians, the signed error's range,
// and, for the workloads measured in both orders, whether the measured
// LIF − SIF difference has the sign the model predicts. Summary.Write
// prints it as two lines (the command's summary).
package realclock
