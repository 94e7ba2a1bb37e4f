package main

import (
	"strings"
	"testing"
)

// The proof-checks command's lines, joined as a POSIX shell joins them
// (a backslash-newline vanishes, adjacent quoted strings concatenate),
// are go test's one -run pattern naming exactly the tests; each line but
// an unbreakable one stays within cmdWidth.
func TestProofCommandLinesPasteAsOneCommand(t *testing.T) {
	long := "Test" + strings.Repeat("X", cmdWidth)
	for _, tests := range [][]string{
		{"TestA"},
		{long},
		{"TestA", "TestB"},
		{"TestL1FirstPhasesRunBackToBackInIteration1", "TestL2LoopNeverIdlesWhileASecondPhaseIsDue", "TestL3EveryNonIdlingScheduleHasTheBusyPeriodMakespan", "TestL4SecondPhasesRunInReleaseOrder"},
		{long, "TestB", long},
	} {
		lines := proofCommandLines("./proofs", tests)
		for i, l := range lines {
			if i < len(lines)-1 && !strings.HasSuffix(l, `\`) {
				t.Errorf("%v: line %q does not continue", tests, l)
			}
			if len(l) > cmdWidth && !strings.Contains(l, long) {
				t.Errorf("%v: line %q is longer than %d", tests, l, cmdWidth)
			}
		}
		joined := strings.ReplaceAll(strings.Join(lines, "\n"), "\\\n", "")
		joined = strings.ReplaceAll(joined, "''", "")
		if want := "go test ./proofs -run " + runRegex(tests); joined != want {
			t.Errorf("%v: pasted as %q, want %q", tests, joined, want)
		}
	}
}

// A command in the appendix pastes as typed: straight quotes, -- kept as
// two hyphens, no break point; a claim id never breaks before a digit.
func TestCommandAndClaimIDTeX(t *testing.T) {
	got := cmdTeX("go test ./props -run '^TestX$' --tex")
	if want := `go test ./props -{}run \textquotesingle{}\textasciicircum{}TestX\$\textquotesingle{} -{}-{}tex`; got != want {
		t.Errorf("cmdTeX = %q, want %q", got, want)
	}
	if strings.Contains(got, "allowbreak") {
		t.Errorf("cmdTeX %q has a break point", got)
	}
	id := claimIDTeX("any-order-within-1.5x-semaphore-2")
	if strings.Contains(id, `-{}\allowbreak{}1`) || strings.Contains(id, `-{}\allowbreak{}2`) {
		t.Errorf("claimIDTeX %q may break before a digit", id)
	}
	if !strings.Contains(id, `any-{}\allowbreak{}order`) {
		t.Errorf("claimIDTeX %q may not break after a hyphen before a letter", id)
	}
}
