package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteForLooking writes the fixture's report files to $REPORT_OUT, for a person to open.
func TestWriteForLooking(t *testing.T) {
	dir := os.Getenv("REPORT_OUT")
	if dir == "" {
		t.Skip("set REPORT_OUT=DIR to write the fixture report there")
	}
	in := fixtureInput(t)
	in.Sweep = fixtureSweep()
	r, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var h, p bytes.Buffer
	if err := r.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := r.WritePDF(&p); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "report.html"), h.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "report.pdf"), p.Bytes(), 0o644)
	if _, err := r.WriteData(filepath.Join(dir, "data")); err != nil {
		t.Fatal(err)
	}
}
