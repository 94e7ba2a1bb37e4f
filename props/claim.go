package props

import "github.com/gatherorder/gatherorder/model"

// Claim is one statement about gather orders, as data: the class of
// workloads it quantifies over and a predicate that decides one instance.
// Whether it holds is never stored: the engines compute it (Evaluate).
type Claim struct {
	// ID is the stable name the CLI, the tests and the paper use.
	ID string
	// Statement is the claim in one sentence.
	Statement string
	// Class is the set of workloads the claim quantifies over.
	Class *Class
	// Check decides one instance: nil if the claim holds on it, else the
	// failing comparison.
	Check Predicate
	// Test names the Go test that pins the computed verdict.
	Test string
}

// Predicate decides a claim on one instance. It must be invariant under
// rearranging the instance's tasks (the given order): the engines enumerate
// tasks as multisets (see doc.go, "Symmetry reduction"), so a predicate
// about a policy quantifies over every given order itself, i.e. over every
// tie-break the policy can make.
type Predicate func(e *Eval, in *Instance) *Failure

// Failure is a refutation on one instance: a reason and the orders (each
// with its own workload) whose comparison contradicts the claim.
type Failure struct {
	Reason      string
	Comparisons []Comparison
}

// Comparison is one side of a failing comparison, self-contained so that
// anyone can re-run it: a workload, a gather order and what it takes.
type Comparison struct {
	// Label names the policy or role ("lif", "best", "worst", "original").
	Label string
	// W is the workload, in the instance's sorted arrangement.
	W *model.Workload
	// Order is the gather order, as indices into W.Tasks.
	Order []int
	// Makespan is the simulated makespan of W in Order.
	Makespan model.Duration
	// Measure names the compared quantity when it is not the makespan
	// ("last_io"), and Value is its value; empty and 0 otherwise.
	Measure string
	Value   model.Duration
	// CPython is the makespan real CPython 3.11 measured under the virtual
	// clock (package oracle); Replayed is false until then.
	CPython  model.Duration
	Replayed bool
}

// Names returns the gather order as task names.
func (c Comparison) Names() []string {
	s := make([]string, len(c.Order))
	for i, j := range c.Order {
		s[i] = c.W.Tasks[j].Name
	}
	return s
}
