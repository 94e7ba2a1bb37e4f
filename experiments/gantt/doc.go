// Package gantt draws Gantt charts of simulated asyncio.gather runs with
// gonum.org/v1/plot, and writes them as PDF, SVG and CSV, byte for byte the
// same on every run.
//
// # What a chart shows
//
// A Chart is one traced run of model.Simulate: a workload gathered in one
// order. It has one row per task, in gather order from the top, and a
// bottom row "CPU". Its bars are the intervals of model.Intervals. On a
// task's row
//
//   - a filled bar is a CPU step (model.Running): the event loop's only
//     thread is busy with this task;
//   - a hatched, outlined bar is an await (model.Awaiting): the task's
//     timer or socket is pending, and the CPU is free for others;
//   - a light bar is the time the task was ready but not running after an
//     await (model.Ready): its IO had completed, but the loop was busy or
//     had not yet reached the task's wakeup handle. The ready time before
//     a task's first step is left blank.
//
// The CPU row shows the union of all CPU steps (busy) and its complement
// in [0, makespan] (idle). Since model time is exact and the loop has one
// thread, busy + idle = makespan exactly, and in a gather of canonical
// tasks (cpu A; sleep L; cpu B) the makespan is ΣA + ΣB + idle: an order
// wins exactly by idling the CPU less. That is the picture the chart is
// meant to make obvious.
//
// A Figure stacks several charts on one shared time axis (the same scale
// for all, from 0 to the largest makespan), so two orders of the same
// workload compare by eye.
//
// # Determinism
//
// gonum/plot's PDF backend (codeberg.org/go-pdf/fpdf) stamps each document
// with the wall-clock creation and modification dates and, unless asked,
// may write resource catalogs in map order. Encode fixes both dates to
// Epoch (through fpdf's package-level defaults, which every new document
// copies) and turns catalog sorting on, so a drawing encodes to the same
// bytes on every run; TestEncodeIsByteIdentical checks it. Fonts are the
// Liberation fonts gonum/plot ships, embedded as it embeds them.
//
// # Data
//
// Every figure's data is written as CSV (WriteCSV): one line per bar, with
// times as exact decimals in the workload's unit (model.Format), so the
// figure can be checked or redrawn without this package.
package gantt
