package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fanout/fanout/engine/obs"
)

func TestPDFParsesBack(t *testing.T) {
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
	p, err := parsePDF(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if p.Pages == 0 || p.Pages != p.PageObj {
		t.Errorf("page tree counts %d pages, %d page objects", p.Pages, p.PageObj)
	}
	for _, want := range []string{"Run report: csv-upload-fanout", "Cost per rule (function invocations its targets caused)",
		"KeyError: 'rows'", "Memory sweep"} {
		w := strings.NewReplacer("(", `\(`, ")", `\)`).Replace(want)
		if !bytes.Contains(p.Content, []byte("("+w+")Tj")) {
			t.Errorf("the PDF's text has no %q", want)
		}
	}
	r2, err := Build(fixtureInputWithSweep(t))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := r2.WritePDF(&again); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Errorf("two PDFs of the same input differ (err %v)", err)
	}
}

func TestParsePDFRejectsDamage(t *testing.T) {
	r, err := Build(fixtureInput(t))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WritePDF(&b); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	damaged := map[string][]byte{
		"truncated":     good[:len(good)/2],
		"shifted":       append([]byte("%PDF-1.3\n%%"), good[8:]...),
		"no header":     good[5:],
		"count removed": bytes.Replace(good, []byte("/Count"), []byte("/Cnt  "), 1),
	}
	for name, d := range damaged {
		if _, err := parsePDF(d); err == nil {
			t.Errorf("%s: parsePDF accepted a damaged PDF", name)
		}
	}
}

func TestHTMLSelfContainedAndDeterministic(t *testing.T) {
	in := fixtureInput(t)
	in.Sweep = fixtureSweep()
	a, b := buildHTML(t, in), buildHTML(t, fixtureInputWithSweep(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same input differ")
	}
	s := string(a)
	for _, re := range []string{`(?i)<script`, `(?i)<link`, `(?i)<iframe`, `(?i)<img`, `(?i)@import`, `(?i)url\(\s*['"]?(https?:|//)`,
		`(?i)(src|href)\s*=\s*["']?(https?:|//)`} {
		if m := regexp.MustCompile(re).FindString(s); m != "" {
			t.Errorf("the report refers to an outside resource: %q", m)
		}
	}
	if !strings.Contains(s, "@media print") || !strings.Contains(s, "break-before: page") {
		t.Error("the report has no print style sheet with page breaks")
	}
	if n := strings.Count(s, `<svg class="chart"`); n != 9 {
		t.Errorf("%d inline SVG charts, want 9", n)
	}
}

func fixtureInputWithSweep(t *testing.T) Input {
	in := fixtureInput(t)
	in.Sweep = fixtureSweep()
	return in
}

func TestHTMLEscapesScenarioText(t *testing.T) {
	in := fixtureInput(t)
	in.Scenario.Description = `<script>alert(1)</script> & "quotes"`
	in.Scenario.Rules[0].Name = `<img src=x>`
	s := string(buildHTML(t, in))
	if strings.Contains(s, "<script>alert") || strings.Contains(s, "<img src=x>") {
		t.Error("scenario text reached the HTML unescaped")
	}
	if !strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the escaped description is missing")
	}
}

func TestDataFilesParseBack(t *testing.T) {
	r, err := Build(fixtureInputWithSweep(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := r.WriteData(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(DataFiles) {
		t.Errorf("wrote %d files, want %d: %v", len(files), len(DataFiles), files)
	}
	rows := map[string][][]string{}
	for _, f := range files {
		if filepath.Ext(f) != ".csv" {
			continue
		}
		b, _ := os.ReadFile(f)
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rows[filepath.Base(f)] = recs
	}
	checks := []struct {
		file string
		row  int
		want []string
	}{
		{"targets.csv", 2, []string{"csv-uploads/index-fn", "function", "csv-pipeline/index-fn", "120", "117", "3"}},
		{"cost_rules.csv", 1, []string{"csv-uploads", "240"}},
		{"errors.csv", 1, []string{"csv-uploads/index-fn", "handler", "KeyError: 'rows'", "15"}},
		{"dead_letters.csv", 1, []string{"40", "39.644", "csv-uploads", "index-fn", "csv-dlq", "retries_exhausted", "4"}},
		{"expect.csv", 3, []string{"no-dead-letters", `dead_letter["csv-dlq"].messages == 0`, "false"}},
		{"series.csv", 0, []string{"chart", "series", "x", "value"}},
	}
	for _, c := range checks {
		got := rows[c.file]
		if len(got) <= c.row || len(got[c.row]) < len(c.want) {
			t.Errorf("%s: no row %d: %v", c.file, c.row, got)
			continue
		}
		for i, w := range c.want {
			if got[c.row][i] != w {
				t.Errorf("%s row %d col %d = %q, want %q", c.file, c.row, i, got[c.row][i], w)
			}
		}
	}
	charts := map[string]bool{}
	for _, r := range rows["series.csv"][1:] {
		charts[r[0]] = true
	}
	for _, c := range []string{"latency", "heatmap", "histogram", "coldstarts", "instances", "queues", "throughput", "match_rate", "cost", "sweep"} {
		if !charts[c] {
			t.Errorf("series.csv has no %s series", c)
		}
	}
}

// failing is a Records whose invocations fail to read.
type failing struct{ *memRecords }

func (failing) EachInvocation(func(obs.Invocation) error) error { return errors.New("disk on fire") }

func TestBuildReportsRecordErrors(t *testing.T) {
	in := fixtureInput(t)
	in.Records = failing{fixtureRecords()}
	_, err := Build(in)
	if err == nil || !strings.Contains(err.Error(), "read invocations: disk on fire") {
		t.Errorf("Build = %v, want the invocations' error", err)
	}
	in.Summary = []byte(`{"scenario": 7}`)
	if _, err := Build(in); err == nil || !strings.Contains(err.Error(), "read run summary") {
		t.Errorf("Build with a bad summary = %v", err)
	}
}

func TestNoFyneImport(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") || strings.Contains(dep, "sqlite") || strings.HasSuffix(dep, "fanout/storage") {
			t.Errorf("views/report depends on %s", dep)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	in := fixtureInput(b)
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWritePDF(b *testing.B) {
	r, err := Build(fixtureInput(b))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := r.WritePDF(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBuildMinimal checks that a report of nothing but a run name still writes everything.
func TestBuildMinimal(t *testing.T) {
	r, err := Build(Input{Run: Run{Scenario: "bare"}})
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
	if _, err := parsePDF(p.Bytes()); err != nil {
		t.Errorf("minimal PDF: %v", err)
	}
	files, err := r.WriteData(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	want := "rules.csv targets.csv functions.csv queues.csv expect.csv cost_rules.csv errors.csv dead_letters.csv"
	if strings.Join(names, " ") != want {
		t.Errorf("files %v, want %s", names, want)
	}
	for _, note := range []string{"scenario is not available", "has no summary", "records are not available"} {
		if !strings.Contains(h.String(), note) {
			t.Errorf("no note %q", note)
		}
	}
}
