// Package jsontok reads JSON token by token with one-line errors: the
// strict readers of the workload format (package model) and of the
// recorder file (package record) are built on it. It rejects repeated
// keys and reports what it found where it expected something else.
package jsontok

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Reader wraps a decoder (call UseNumber on it to keep numbers exact).
type Reader struct{ D *json.Decoder }

// Token reads one token and turns decoder errors into one-line messages
// with the byte offset.
func (r *Reader) Token() (json.Token, error) {
	t, err := r.D.Token()
	if err == io.EOF {
		return nil, errors.New("malformed JSON: unexpected end of input")
	}
	if err != nil {
		return nil, fmt.Errorf("malformed JSON near byte %d: %v", r.D.InputOffset(), err)
	}
	return t, nil
}

// Delim reads the delimiter want; what names the place in errors.
func (r *Reader) Delim(want json.Delim, what string) error {
	t, err := r.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("%s: expected %q, found %s", what, string(want), Describe(t))
	}
	return nil
}

// Object reads an object, calling f with each key while the value is next;
// a repeated key is an error.
func (r *Reader) Object(what string, f func(key string) error) error {
	if err := r.Delim('{', what); err != nil {
		return err
	}
	seen := map[string]bool{}
	for r.D.More() {
		t, err := r.Token()
		if err != nil {
			return err
		}
		k := t.(string) // the decoder guarantees object keys are strings
		if seen[k] {
			return fmt.Errorf("%s: repeated key %q", what, k)
		}
		seen[k] = true
		if err := f(k); err != nil {
			return err
		}
	}
	_, err := r.Token()
	return err
}

// Array reads an array, calling f for each element with its index.
func (r *Reader) Array(what string, f func(i int) error) error {
	if err := r.Delim('[', what); err != nil {
		return err
	}
	for i := 0; r.D.More(); i++ {
		if err := f(i); err != nil {
			return err
		}
	}
	_, err := r.Token()
	return err
}

// Str reads a string.
func (r *Reader) Str(what string) (string, error) {
	t, err := r.Token()
	if err != nil {
		return "", err
	}
	s, ok := t.(string)
	if !ok {
		return "", fmt.Errorf("%s: expected a string, found %s", what, Describe(t))
	}
	return s, nil
}

// Describe names a token for an error message.
func Describe(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		return fmt.Sprintf("%q", string(v))
	case string:
		return fmt.Sprintf("string %q", v)
	case json.Number:
		return "number " + string(v)
	case bool:
		return fmt.Sprintf("%v", v)
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", t)
}
