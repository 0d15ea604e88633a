package report

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// The PDF opens in a real PDF library: pdfcpu reads it, validates it against the PDF
// specification (relaxed mode, as viewers read) and counts its pages.
func TestPDFValidatesWithPdfcpu(t *testing.T) {
	in := fixtureInput(t)
	in.Sweep = fixtureSweep()
	r, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WritePDF(&b); err != nil {
		t.Fatal(err)
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(b.Bytes()), conf)
	if err != nil {
		t.Fatalf("pdfcpu cannot read the report: %v", err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		t.Fatalf("pdfcpu finds the report invalid: %v", err)
	}
	if ctx.PageCount < 2 {
		t.Errorf("pages = %d, want the report's sections over several pages", ctx.PageCount)
	}
}
