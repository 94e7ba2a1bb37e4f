package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/gatherorder/gatherorder/internal/jsontok"
)

// limit reads the optional "limit" object of model/SEMANTICS.md §S17.4:
// {"kind": "semaphore" or "workers", "k": a positive integer}, both keys
// required, no others.
func (p *parser) limit() (Limit, error) {
	var l Limit
	hasKind, hasK := false, false
	err := p.Object("limit", func(k string) error {
		switch k {
		case "kind":
			s, err := p.Str("limit: kind")
			if err != nil {
				return err
			}
			if l.Kind, err = ParseLimitKind(s); err != nil {
				return fmt.Errorf("limit: %w", err)
			}
			hasKind = true
			return nil
		case "k":
			t, err := p.Token()
			if err != nil {
				return err
			}
			num, ok := t.(json.Number)
			if !ok {
				return fmt.Errorf("limit: k must be an integer, found %s", jsontok.Describe(t))
			}
			v, err := strconv.Atoi(string(num))
			if err != nil || strconv.Itoa(v) != string(num) {
				return fmt.Errorf("limit: k must be an integer from 1 to %d, not %s", MaxLimitK, num)
			}
			if v < 1 || v > MaxLimitK {
				return fmt.Errorf("limit: k must be an integer from 1 to %d, not %d", MaxLimitK, v)
			}
			l.K = v
			hasK = true
			return nil
		}
		return fmt.Errorf("limit: unknown key %q (want kind, k)", k)
	})
	if err != nil {
		return l, err
	}
	if !hasKind {
		return l, errors.New(`limit: missing "kind" (semaphore or workers)`)
	}
	if !hasK {
		return l, errors.New(`limit: missing "k"`)
	}
	return l, nil
}
