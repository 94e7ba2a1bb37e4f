package oracle

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// nodeDriver is the source of drivers/node_driver.js, the Node.js driver
// (wall clock, JSON lines; drivers/README.md), embedded like asyncioDriver.
//
//go:embed drivers/node_driver.js
var nodeDriver string

// NodeInstallHint says how to get the Node.js that StartNode needs.
const NodeInstallHint = "install Node.js 20 (the machine image has v20; Debian 12's nodejs package is 18), or set GATHERORDER_NODE to a node 20 binary"

// NodeMajor is the Node.js major version that model/SEMANTICS.md §S15
// describes.
const NodeMajor = 20

// Node is a Node.js binary, its version and its libuv's.
type Node struct {
	Path, Version, Libuv string
}

// FindNode returns the node binary StartNode runs: $GATHERORDER_NODE if
// set, else node on PATH, else /usr/bin/node, which must be Node.js 20.
func FindNode() (Node, error) {
	var cands []string
	if env := os.Getenv("GATHERORDER_NODE"); env != "" {
		cands = append(cands, env)
	}
	if p, err := exec.LookPath("node"); err == nil {
		cands = append(cands, p)
	}
	cands = append(cands, "/usr/bin/node")
	var why []string
	for _, c := range cands {
		out, err := exec.Command(c, "-p", `process.version + " " + process.versions.uv + " " + process.execPath`).Output()
		if err != nil {
			if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
				err = errors.New("not found")
			}
			why = append(why, fmt.Sprintf("%s: %v", c, err))
			continue
		}
		f := strings.Fields(string(out))
		if len(f) != 3 || !strings.HasPrefix(f[0], "v"+strconv.Itoa(NodeMajor)+".") {
			why = append(why, fmt.Sprintf("%s: is %q, not Node.js %d", c, strings.TrimSpace(string(out)), NodeMajor))
			continue
		}
		return Node{Path: f[2], Version: strings.TrimPrefix(f[0], "v"), Libuv: f[1]}, nil
	}
	return Node{}, fmt.Errorf("oracle: no Node.js %d (%s); %s", NodeMajor, strings.Join(why, "; "), NodeInstallHint)
}

// StartNode starts drivers/node_driver.js on FindNode's node: each
// workload runs repeat times as `await Promise.all([...])` over async
// functions on the wall clock (drivers/README.md), from a setImmediate
// callback that starts within 50 µs after a whole millisecond of libuv's
// clock (model/SEMANTICS.md §S15.1). Its model is
// model.Runtime{Loop: model.Node}. Node cannot run under a virtual clock.
func StartNode(repeat int) (*Real, error) { return StartNodeWith(NodeConfig{}, repeat) }

// NodeConfig chooses how the Node.js driver runs cpu steps; the zero value
// is StartNode's busy wait.
type NodeConfig struct {
	// BlockCPU makes cpu d an Atomics.wait of d (node_driver.js --cpu
	// block): the loop is blocked the same, but the process does not
	// compete for a core meanwhile, as time.sleep in the asyncio driver.
	BlockCPU bool
}

// StartNodeWith is StartNode with the cpu steps of c.
func StartNodeWith(c NodeConfig, repeat int) (*Real, error) {
	if repeat < 1 {
		return nil, fmt.Errorf("oracle: repeat %d < 1", repeat)
	}
	n, err := FindNode()
	if err != nil {
		return nil, err
	}
	// --expose-gc: the driver collects garbage before each run.
	cpu, note := "busy", ""
	if c.BlockCPU {
		cpu, note = "block", ", cpu blocks"
	}
	d, err := startScript(n.Path, n.Version, "gatherorder-node-driver-*.js", nodeDriver, []string{"--expose-gc"}, "--ns-per-unit", "1", "--repeat", strconv.Itoa(repeat), "--cpu", cpu)
	if err != nil {
		return nil, err
	}
	return &Real{d: d, repeat: repeat, Version: n.Version, Loop: "node " + n.Version + ", libuv " + n.Libuv + note}, nil
}
