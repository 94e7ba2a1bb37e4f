package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// output writes the generator's files under one directory (the paper
// directory) and remembers their names, so that tests can compare two runs
// file by file.
type output struct {
	dir   string
	files []string
}

// write creates or replaces dir/rel with data. A file whose content is
// unchanged is left alone, so its modification time (and make) stays quiet.
func (o *output) write(rel string, data []byte) error {
	p := filepath.Join(o.dir, filepath.FromSlash(rel))
	if slices.Contains(o.files, rel) {
		return fmt.Errorf("generator writes %s twice", rel)
	}
	o.files = append(o.files, rel)
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}
