package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/props"
)

// A claim id in a table may break only after a hyphen followed by a
// letter: a line never starts with the trailing digit of
// "…-semaphore-2" or splits "1.5x".
func TestClaimIDsNeverBreakBeforeADigit(t *testing.T) {
	before := regexp.MustCompile(`\\allowbreak\{\}[^a-zA-Z]`)
	for _, c := range props.Registry() {
		s := idTeX(c.ID)
		if before.MatchString(s) {
			t.Errorf("%s: %s allows a break before a non-letter", c.ID, s)
		}
		if strings.Count(s, `\allowbreak{}`) == 0 && strings.Contains(c.ID, "-") {
			t.Errorf("%s: %s allows no break at all", c.ID, s)
		}
	}
	if got := idTeX("lif-minimizes-last-io-semaphore-2"); strings.HasSuffix(got, `\allowbreak{}2`) || !strings.HasSuffix(got, `semaphore-{}2`) {
		t.Errorf("idTeX = %s", got)
	}
}

// Statements render code in \texttt and mathematics in math mode, so that
// a minus is a minus; prose hyphens and the article "a" stay text.
func TestStatementTeX(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"needs one extra loop turn (an `io 0` step) before", `needs one extra loop turn (an \texttt{io 0} step) before`},
		{"at most (n-1)c/2 slower", `at most $(n-1)c/2$ slower`},
		{"For odd n = 2m+1 and c > 0, the tasks cpu c; sleep (m+i)c; cpu c (i = 0 to n-1) take",
			`For odd $n = 2m+1$ and $c > 0$, the tasks cpu $c$; sleep $(m+i)c$; cpu $c$ ($i = 0$ to $n-1$) take`},
		{"longest-tail-first order (descending L + B) is", `longest-{}tail-{}first order (descending $L + B$) is`},
		{"Johnson's rule on (A + L, L + B)) is", `Johnson's rule on ($A + L$, $L + B$)) is`},
		{"bound 4/3 - 1/(3k) for k = 2 machines.", `bound $4/3 - 1/(3k)$ for $k = 2$ machines.`},
		{"is a slowest order under Semaphore(2).", `is a slowest order under Semaphore(2).`},
	} {
		if got := statementTeX(c.in); got != c.want {
			t.Errorf("statementTeX(%q)\n = %s\nwant %s", c.in, got, c.want)
		}
	}
	for _, c := range props.Registry() {
		s := statementTeX(c.Statement)
		if strings.Contains(s, "`") || strings.Count(s, "$")%2 != 0 {
			t.Errorf("%s: %s", c.ID, s)
		}
		if regexp.MustCompile(`[0-9a-z)]-\{\}[0-9(]`).MatchString(s) {
			t.Errorf("%s: a hyphen between numbers in text: %s", c.ID, s)
		}
	}
}
