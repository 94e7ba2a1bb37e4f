package gantt

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Epoch is the creation and modification date written into every PDF:
// a constant, so that a figure's bytes depend only on what it shows.
var Epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

var fixPDF sync.Once

// deterministicPDF makes every fpdf document created from now on carry
// Epoch as its dates and sorted resource catalogs. fpdf copies these
// package-level defaults into each new document (fpdf.NewCustom), which is
// the only way to reach the document inside a vgpdf.Canvas.
func deterministicPDF() {
	fixPDF.Do(func() {
		fpdf.SetDefaultCreationDate(Epoch)
		fpdf.SetDefaultModificationDate(Epoch)
		fpdf.SetDefaultCatalogSort(true)
	})
}

// Encode draws a w×h drawing with fn and returns it encoded as "pdf" or
// "svg". The bytes are the same on every call for the same drawing.
func Encode(w, h vg.Length, format string, fn func(draw.Canvas)) ([]byte, error) {
	var c interface {
		vg.CanvasSizer
		io.WriterTo
	}
	switch format {
	case "pdf":
		deterministicPDF()
		c = vgpdf.New(w, h)
	case "svg":
		c = vgsvg.New(w, h)
	default:
		return nil, fmt.Errorf("gantt: unknown format %q (want pdf or svg)", format)
	}
	fn(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("gantt: encoding %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

// Encode returns the figure as "pdf" or "svg" at its natural size.
func (f Figure) Encode(format string) ([]byte, error) {
	w, h := f.Size()
	return Encode(w, h, format, f.Draw)
}
