package views

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type fakeCatalog struct {
	runs      []RunEntry
	summaries map[string]string
}

func (c *fakeCatalog) Runs() ([]RunEntry, error) { return c.runs, nil }

func (c *fakeCatalog) Summary(file string) ([]byte, error) {
	s, ok := c.summaries[file]
	if !ok {
		return nil, errors.New("no such run")
	}
	return []byte(s), nil
}

func catalogFixture() *fakeCatalog {
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	return &fakeCatalog{
		runs: []RunEntry{
			{File: "/runs/a.db", Scenario: "csv-upload-fanout", Seed: 42, Started: t0, SimDuration: time.Hour, Events: 212408, Complete: true},
			{File: "/runs/b.db", Scenario: "csv-upload-fanout", Seed: 43, Started: t0.Add(time.Hour), SimDuration: 20 * time.Minute, Events: 70000},
			{File: "/runs/c.db", Scenario: "csv-upload-fanout", Seed: 42, Started: t0.Add(2 * time.Hour), SimDuration: time.Hour, Events: 212408, Complete: true},
		},
		summaries: map[string]string{
			"/runs/a.db": `{"scenario":"csv","events":{"received":212408,"rejected":3},"latency_ms":{"p50":120.5,"p99":412},"cost_usd":0.0183,"rules":[{"name":"csv-uploads","matched":20817}]}`,
			"/runs/c.db": `{"scenario":"csv","events":{"received":212408,"rejected":0},"latency_ms":{"p50":120.5,"p99":380},"cost_usd":0.0183,"rules":[{"name":"csv-uploads","matched":20817}],"dlq":4}`,
		},
	}
}

func TestRunsCompareMarksExactlyTheDifferingRows(t *testing.T) {
	test.NewTempApp(t)
	r := newRuns(catalogFixture(), nil, inlineBackground)
	w := test.NewWindow(r.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	if !r.cmpBtn.Disabled() {
		t.Fatalf("compare must wait for two runs")
	}
	r.table.Select(widget.TableCellID{Row: 0, Col: 0})
	r.table.Select(widget.TableCellID{Row: 2, Col: 0})
	if r.cmpBtn.Disabled() || r.pickLetter(0) != "A" || r.pickLetter(2) != "B" {
		t.Fatalf("picked %v", r.picked)
	}
	test.Tap(r.cmpBtn)
	var differing []string
	for _, d := range r.diffs {
		if d.Differs() {
			differing = append(differing, d.Path)
		}
	}
	want := []string{"events.rejected", "latency_ms.p99", "dlq"}
	if strings.Join(differing, ",") != strings.Join(want, ",") {
		t.Fatalf("differing = %v, want %v", differing, want)
	}
	if len(r.diffs) != 7 {
		t.Fatalf("rows = %d, want 7 numeric leaves", len(r.diffs))
	}
	if !strings.Contains(r.cmpTitle.Text, "3 of 7 values differ") {
		t.Errorf("title = %q", r.cmpTitle.Text)
	}
	// The rendered cells of differing rows, and only those, take the accent colour.
	for i, d := range r.diffs {
		l := widget.NewLabel("")
		r.compare.UpdateCell(widget.TableCellID{Row: i, Col: 3}, l)
		if (l.Importance == widget.DangerImportance) != d.Differs() || l.Alignment != fyne.TextAlignTrailing {
			t.Errorf("row %d %s: importance %v", i, d.Path, l.Importance)
		}
	}
}

func TestRunsOpenAndThirdPickReplacesTheOldest(t *testing.T) {
	test.NewTempApp(t)
	var opened RunEntry
	r := newRuns(catalogFixture(), func(e RunEntry) { opened = e }, inlineBackground)
	if !r.openBtn.Disabled() {
		t.Fatalf("open needs a selected run")
	}
	r.table.Select(widget.TableCellID{Row: 1, Col: 2})
	test.Tap(r.openBtn)
	if opened.File != "/runs/b.db" {
		t.Fatalf("opened %q", opened.File)
	}
	for _, row := range []int{0, 1, 2} {
		r.table.Select(widget.TableCellID{Row: row, Col: 0})
	}
	if len(r.picked) != 2 || r.picked[0] != 1 || r.picked[1] != 2 {
		t.Fatalf("picked %v, want [1 2]", r.picked)
	}
	if r.current != 1 {
		t.Fatalf("ticking must keep the run selected for Open, got %d", r.current)
	}
	test.Tap(r.cmpBtn) // b has no summary
	if !r.errLabel.Visible() || !strings.Contains(r.errLabel.Text, "summary of /runs/b.db") {
		t.Fatalf("error = %q", r.errLabel.Text)
	}
	if got := runCell(r.runs[1], 6, ""); got != "incomplete" {
		t.Errorf("state of a killed run = %q", got)
	}
}

func TestCompareSummaries(t *testing.T) {
	cases := []struct {
		name, a, b string
		want       []string // path A B Δ %
	}{
		{"equal", `{"x":1}`, `{"x":1}`, []string{"x|1|1|0|0.0 %"}},
		{"nested and arrays", `{"a":{"b":[10,20]}}`, `{"a":{"b":[10,25]}}`,
			[]string{"a.b[0]|10|10|0|0.0 %", "a.b[1]|20|25|+5|+25.0 %"}},
		{"only in one", `{"x":1,"s":"text"}`, `{"y":2.5}`, []string{"x|1|—||", "y|—|2.5||"}},
		{"from zero", `{"x":0}`, `{"x":3}`, []string{"x|0|3|+3|new"}},
		{"decrease", `{"cost":0.02}`, `{"cost":0.015}`, []string{"cost|0.02|0.015|-0.005|-25.0 %"}},
	}
	for _, c := range cases {
		diffs, err := compareSummaries([]byte(c.a), []byte(c.b))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, d := range diffs {
			cells := diffCells(d)
			got = append(got, strings.Join(cells[:], "|"))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
	if _, err := compareSummaries([]byte(`{`), []byte(`{}`)); err == nil || !strings.Contains(err.Error(), "summary A") {
		t.Errorf("bad JSON: %v", err)
	}
}
