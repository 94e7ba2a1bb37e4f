// Package csvfile reads the experiments' committed data files: CSV with
// a fixed header, every error naming the file and, past the header, the
// line.
package csvfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Read reads the CSV at path and checks that it starts with header, has at
// least one record after it and that every record has len(header) fields.
// It returns the records after the header: record i is on line Line(i).
// When the file cannot be opened, the error names what the file is and
// how it is made ("real-clock data", "it is measured by `make measure`").
func Read(path string, header []string, what, madeBy string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (%s)", what, err, madeBy)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) < 2 || strings.Join(recs[0], ",") != strings.Join(header, ",") {
		return nil, fmt.Errorf("%s: no data, or header is not %s", path, strings.Join(header, ","))
	}
	for i, rec := range recs[1:] {
		if len(rec) != len(header) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, Line(i), len(rec), len(header))
		}
	}
	return recs[1:], nil
}

// Line is the line of record i of Read's result.
func Line(i int) int { return i + 2 }

// Write writes header and recs as CSV to path through a temporary file, so
// that a failed run leaves an existing file alone.
func Write(path string, header []string, recs [][]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(header)
	w.WriteAll(recs)
	if err := w.Error(); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// Fields parses the fields of one record of a file with header Header,
// keeping the first error (Err), which names the field.
type Fields struct {
	Header, Rec []string
	Err         error
}

// Float is field k as a number.
func (f *Fields) Float(k int) float64 {
	x, err := strconv.ParseFloat(f.Rec[k], 64)
	f.fail(k, err)
	return x
}

// Int is field k as an integer.
func (f *Fields) Int(k int) int {
	x, err := strconv.Atoi(f.Rec[k])
	f.fail(k, err)
	return x
}

func (f *Fields) fail(k int, err error) {
	if err != nil && f.Err == nil {
		f.Err = fmt.Errorf("field %s: %q is not a number", f.Header[k], f.Rec[k])
	}
}

// DataPath is the file name in the experiments' data directory of the
// module above the working directory (the directory of go.mod), where the
// commands write by default.
func DataPath(name string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "experiments", "data", name), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory; pass -out")
		}
		dir = parent
	}
}

// WriteRows is Write of one record per row.
func WriteRows[T any](path string, header []string, rows []T, record func(T) []string) error {
	recs := make([][]string, len(rows))
	for i, r := range rows {
		recs[i] = record(r)
	}
	return Write(path, header, recs)
}

// ReadRows is Read, then parse of every record; a parse error names the
// file and line.
func ReadRows[T any](path string, header []string, what, madeBy string, parse func([]string) (T, error)) ([]T, error) {
	recs, err := Read(path, header, what, madeBy)
	if err != nil {
		return nil, err
	}
	rows := make([]T, len(recs))
	for i, rec := range recs {
		if rows[i], err = parse(rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, Line(i), err)
		}
	}
	return rows, nil
}
