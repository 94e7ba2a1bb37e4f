package seed

import (
	"bytes"
	"os"
	"testing"
)

// The committed paper tables are exactly what the code computes from the
// measurements file: regenerate with `go run ./experiments/seed/cmd/seedtable`.
func TestSeedTablesRegenerateByteIdentically(t *testing.T) {
	rows, tasks := Tables(Setups())
	for _, c := range []struct {
		path  string
		write func(*bytes.Buffer) error
	}{
		{"../../paper/data/seed_table.csv", func(b *bytes.Buffer) error { return WriteTable(b, rows) }},
		{"../../paper/data/seed_tasks.csv", func(b *bytes.Buffer) error { return WriteTasks(b, tasks) }},
	} {
		var a, b bytes.Buffer
		if err := c.write(&a); err != nil {
			t.Fatal(err)
		}
		if err := c.write(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("%s: two generations differ", c.path)
		}
		want, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatalf("%v (run go run ./experiments/seed/cmd/seedtable from the module root)", err)
		}
		if !bytes.Equal(a.Bytes(), want) {
			t.Errorf("%s is stale; regenerate with go run ./experiments/seed/cmd/seedtable\ngot:\n%s\nwant:\n%s", c.path, a.Bytes(), want)
		}
	}
}
