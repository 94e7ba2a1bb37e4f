// Package csvfile reads the experiments' committed data files: CSV with
// a fixed header, every error naming the file and, past the header, the
// line.
package csvfile

import (
	"encoding/csv"
	"fmt"
	"os"
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
