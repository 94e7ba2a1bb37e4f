// Package record turns a real Python program into workloads: it runs the
// program unchanged under recorder.py (embedded as Script) and writes, for
// every asyncio.gather and TaskGroup call the program makes, the workload
// that call ran, in the format of model/SEMANTICS.md §S10.
package record
