package sweep

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to accept):\n%s\nwant:\n%s", name, got, want)
	}
}

// fixedReport is a hand-made sweep with an out-of-memory size, a size that could not run and
// the baseline.
func fixedReport() Report {
	sizes := curve()
	sizes[0].Errors.OOM, sizes[0].ErrorRate, sizes[0].ColdStarts, sizes[0].ColdStartMs = 12, 0.012, 31, 874.25
	sizes[1].Invocations, sizes[1].ColdStarts, sizes[1].ColdStartMs, sizes[1].P90Ms = 100000, 1250, 529, 700
	sizes[2].Errors.Timeout, sizes[2].VCPU = 3, 0.29
	sizes = append(sizes, Size{MemoryMB: 3072, Error: "function svc/worker: vcpu 2 with memory 3 GB: out of range"})
	r := Result{Scenario: "demo", Function: "svc/worker", Seed: 7, HorizonSeconds: 3600,
		InvocationLimit: 100000, CurrentMB: 128, BaselineMB: 128, Sizes: sizes}
	return Evaluate(r, DefaultObjective())
}

func TestWriteTableGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTable(&b, fixedReport()); err != nil {
		t.Fatal(err)
	}
	golden(t, "table.golden", b.Bytes())
}

func TestWriteJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, fixedReport()); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.golden.json", b.Bytes())
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{MB(128), "128 MB"}, {MB(1024), "1 GB"}, {MB(1536), "1.5 GB"}, {MB(1600), "1600 MB"}, {MB(32768), "32 GB"},
		{Count(0), "0"}, {Count(999), "999"}, {Count(1000), "1,000"}, {Count(1234567), "1,234,567"}, {Count(-4500), "-4,500"},
		{Millis(3.14159), "3.1"}, {Millis(99.94), "99.9"}, {Millis(1950.4), "1,950"},
		{Money(2.314), "$2.31"}, {Money(0.20834), "$0.2083"}, {Money(0.0001234), "$0.0001234"}, {Money(0), "$0.00"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
