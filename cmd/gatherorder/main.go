// Command gatherorder tells, for a workload of coroutines passed to
// asyncio.gather, how long each gather order takes and which is best, and
// prints the project's registry of claims about gather orders.
//
//	gatherorder simulate [--order given|lif|sif|best|all] [--json] FILE
//	gatherorder claims [--json|--brief] [--budget quick|full] [--runtime R ...]
//	gatherorder record -o FILE [--runs N] [--timeout D] -- python3 SCRIPT [ARGS...]
//
// Exit status: 0 on success, 2 on bad input or usage (one line on stderr);
// record exits with the recorded program's status when that is not 0.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// command is one subcommand: it reads args (after the subcommand's name)
// and writes to stdout; a returned error is printed as one line on stderr
// with exit status 2.
type command func(args []string, stdin io.Reader, stdout io.Writer) error

var commands = map[string]command{}

const usage = `usage:
  gatherorder simulate [--order given|lif|sif|best|all] [--json] FILE   (FILE "-" reads stdin)
  gatherorder claims [--json|--brief] [--budget quick|full] [--runtime R ...]
  gatherorder record -o FILE [--runs N] [--timeout D] -- python3 SCRIPT [ARGS...]`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gatherorder: unknown command %q (want simulate, claims or record)\n", args[0])
		return 2
	}
	if err := cmd(args[1:], stdin, stdout); err != nil {
		var status exitStatus
		if errors.As(err, &status) {
			return int(status)
		}
		fmt.Fprintf(stderr, "gatherorder %s: %v\n", args[0], err)
		return 2
	}
	return 0
}
