// Package record turns a real Python program into workloads: it runs the
// program unchanged under recorder.py (embedded as Script; standard
// library only, CPython 3.8 to 3.13, the stock loop or uvloop) and writes,
// for every asyncio.gather and TaskGroup call the program makes, the
// workload that call ran, in the format of model/SEMANTICS.md §S10.
// gatherorder record is its command line:
//
//	gatherorder record -o FILE [--runs N] [--timeout D] -- python3 SCRIPT [ARGS...]
//
// # Running the program
//
// Run checks that the interpreter and the script exist (a UsageError,
// exit status 2, otherwise), writes recorder.py to a temporary directory
// and runs `python3 [OPTIONS] recorder.py RAW CLOCK SCRIPT ARGS` (or
// -m MODULE). recorder.py sets sys.argv, sys.path[0] and __main__ as
// `python3 SCRIPT` would and runs the script with runpy; the program's
// stdin, stdout and stderr are the child's own, its traceback is printed
// without the recorder's frames and its exit status is passed through.
// When the program ends, by returning, sys.exit or an exception,
// recorder.py writes what it recorded (Raw, integer nanoseconds); a
// program that leaves through os._exit or a signal leaves nothing, which
// Run reports. Each run is killed after Config.Timeout (DefaultTimeout,
// 10 minutes). With Runs > 1 the program runs that many times, stdin
// replayed to each, and Merge merges every run's calls.
//
// # What is recorded
//
// asyncio.gather and asyncio.TaskGroup are replaced by wrappers that
// register their children (gathers called by asyncio itself, such as
// asyncio.run's cancellation of leftovers, are not recorded); the site is
// the caller's file:line, relative to the script's directory. The running
// loop is instrumented when it starts (asyncio.events._set_running_loop)
// through instance attributes: call_soon, call_soon_threadsafe, call_at,
// call_later and, on selector loops, the selector's select and the loop's
// _process_events. Each child is a Task, and every run of one of its steps
// (the C Task's step and wakeup callbacks, which are call_soon'd handles)
// is timed: it becomes a cpu step as long as the step ran. After each step
// the task's _fut_waiter is what it awaits, and the future's completion is
// seen when the future schedules its callbacks (call_soon with the future
// as argument), together with what was running at that moment: its
// source. The await becomes, by source (the "from" of the step's
// samples):
//
//	timer   sleep d, d = the timer's deadline - the await's start: the
//	        future was completed by a call_later/call_at callback
//	        (asyncio.sleep, timeouts)
//	yield   sleep 0: a bare yield (asyncio.sleep(0)); the task re-queued
//	        itself
//	socket  io d, d = the instant the socket became ready - the await's
//	        start: completed by a reader or writer callback of the
//	        selector (sock_recv, sock_connect, every transport). The
//	        instant is taken by a daemon thread that waits on its own
//	        epoll set, a one-shot mirror of the loop's registrations, so it
//	        is the arrival, not the moment a busy loop got round to select
//	        (within the interpreter's switch interval, 5 ms, when the
//	        program holds the GIL); without epoll, the select's return
//	thread  io d, d = the instant of the call_soon_threadsafe call:
//	        run_in_executor, to_thread (the completion arrives through the
//	        loop's self-pipe, like socket data)
//	hop     sleep 0, once per loop turn: completed by a chain of call_soon
//	        callbacks the task itself queued, nothing awaited; a chain of
//	        k callbacks resumes the task k+1 iterations after the await,
//	        which is k+1 bare yields (model/SEMANTICS.md §S6). This is how
//	        a connection's set-up appears: asyncio.open_connection is
//	        io (socket, the connect); sleep 0; sleep 0 (hop: the transport's
//	        connection_made and the waiter, call_soon'd), the hop of
//	        experiments/hop (ConnectHop)
//	turn    sleep 0, once per loop turn: completed by another task's step
//	        (a lock it releases, an Event it sets) while the loop never
//	        waited for anything meanwhile (no select that could block): the
//	        wait lasted only while the loop ran other steps, which the
//	        model runs itself; the task resumed k iterations later
//	task    sleep d, d = completion - the await's start: completed by
//	        another task while the loop did wait meanwhile (an inner
//	        gather, a task the child awaits, an Event set after a real
//	        wait), or under uvloop. The model has no dependencies between
//	        tasks: the other task's own steps are not in this workload
//	loop    io d (uvloop only): completed outside any Python callback, by
//	        the loop's own machinery (sockets), d = completion
//	other   sleep d, d = completion: anything else
//
// A source reached through a chain of k call_soon callbacks (a timer
// callback that queues the completion) adds k hop steps after its wait.
// So "anything else awaited" maps to task (a sleep of its measured length)
// or, when it was only loop turns, to hop and turn (bare yields). Tasks
// are named by Task.get_name() when the program set a name, else by the
// coroutine's qualified name and the 1-based position: "fetch#2".
//
// # The recorder file
//
// File is what gatherorder record writes (Marshal; Parse reads it
// strictly, every error one line naming the file and the gather):
//
//	{"recorder": 1, "python": "3.11.2", "loop": "asyncio", "clock": "real",
//	 "runs": 1, "incomplete": 0, "command": ["python3", "app.py"],
//	 "gathers": [
//	  {"site": "app.py:42", "variant": 1, "kind": "gather", "calls": 2,
//	   "measured": {"makespan": 9.031, "makespans": [9.031, 9.2]},
//	   "workload": {"unit": "s", "tasks": [...]},
//	   "samples": [{"name": "fetch#1", "steps": [{"cpu": [1.0, 1.01]},
//	               {"io": [5.0, 5.1], "from": "socket"}, ...]}, ...],
//	   "notes": [...]}]}
//
// Calls of one site with the same shape (every task's name, every step's
// kind and source) are merged into one gather: samples hold each step's
// duration in every call (the per-step sample lists for uncertain
// durations), the workload holds their median (Median: for an even count
// the lower middle, an actual sample) and measured the median makespan
// (first step of any child to the last child's end). A site whose calls
// differ in shape (a reply read in two parts) gets one gather per shape,
// numbered by variant. CallWorkload gives back the workload of one call.
// recorder, gathers and, per gather, site, calls, measured.makespan and
// workload are required; a file with only those parses. Sites lists the
// sites for gatherorder simulate, and IsRecorderFile tells a recorder file
// from a workload (a top-level "gathers" or "recorder" key).
//
// # Tests
//
// The tests run the programs in testdata under the virtual clock
// (--virtual-clock; recorder.py's VirtualSelector): time.sleep and the
// loop's waits advance an exact clock, so every recorded duration is exact
// and no test depends on the machine's speed or load. Only the uvloop
// test (uvloop keeps its own clock) uses the real clock, and checks bounds
// that cannot fail.
package record
