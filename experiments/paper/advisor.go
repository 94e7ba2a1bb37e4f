package main

import "github.com/gatherorder/gatherorder/experiments/advisor"

// advisorTable renders the committed scaling table of the anytime search
// (experiments/advisor; measured by go run ./experiments/advisor/cmd/advisor,
// never by the generator) into generated/advisor-table.tex.
func advisorTable(o *output, csv string) error {
	rows, err := advisor.ReadCSV(csv)
	if err != nil {
		return err
	}
	return o.write("generated/advisor-table.tex", advisor.TeX(rows))
}
