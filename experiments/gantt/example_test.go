package gantt_test

import (
	"os"

	"github.com/gatherorder/gatherorder/experiments/gantt"
	"github.com/gatherorder/gatherorder/model"
)

// The seed thread's example in the longest-IO-first order: the CPU row
// shows one second of idle time, from 3 s to 4 s, when every task awaits
// (the thread's answer draws the same timeline by hand).
func ExampleFigure_WriteCSV() {
	w := &model.Workload{Unit: model.Second, Tasks: []model.Task{
		model.Canonical("a", 1e9, 5e9, 1e9),
		model.Canonical("b", 1e9, 3e9, 1e9),
		model.Canonical("c", 1e9, 1e9, 1e9),
	}}
	f := gantt.Figure{Charts: []gantt.Chart{gantt.New("LIF", w, []int{0, 1, 2})}}
	_ = f.WriteCSV(os.Stdout)
	// Output:
	// chart,title,row,row_name,kind,task,step,await,start,end,unit
	// 0,LIF,0,a,cpu,a,1,,0,1,s
	// 0,LIF,0,a,wait,a,2,sleep,1,6,s
	// 0,LIF,0,a,cpu,a,3,,6,7,s
	// 0,LIF,1,b,cpu,b,1,,1,2,s
	// 0,LIF,1,b,wait,b,2,sleep,2,5,s
	// 0,LIF,1,b,cpu,b,3,,5,6,s
	// 0,LIF,2,c,cpu,c,1,,2,3,s
	// 0,LIF,2,c,wait,c,2,sleep,3,4,s
	// 0,LIF,2,c,cpu,c,3,,4,5,s
	// 0,LIF,3,CPU,busy,,,,0,3,s
	// 0,LIF,3,CPU,idle,,,,3,4,s
	// 0,LIF,3,CPU,busy,,,,4,7,s
}
