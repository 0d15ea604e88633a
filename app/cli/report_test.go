package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/app/sweep"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/storage"
)

// fixtureScenario is a scenario matching the records of obsRun.
const fixtureScenario = `version: 1
name: fixture
description: Orders fan out to a billing function and a queue.
duration: 1m
buses:
  - name: orders
rules:
  - name: orders-all
    bus: orders
    pattern: {source: ["shop"]}
    targets:
      - id: fn
        type: function
        function: shop/bill
        dead_letter: {queue: dlq}
      - id: mns
        type: mns
        queue: orders-q
        dead_letter: {queue: dlq}
  - name: audit
    bus: orders
    pattern: {type: [{prefix: "audit."}]}
    targets:
      - id: log
        type: logstore
        logstore: shop/audit
services:
  - name: shop
    functions:
      - name: bill
        runtime: python3.10
        memory: 512MB
        handler: {cpu: 50ms, io: 100ms}
queues:
  - name: orders-q
    type: mns
  - name: dlq
    type: mns
`

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	db := obsRun(t, dir, "run.db", true)
	scen := filepath.Join(dir, "fixture.yaml")
	if err := os.WriteFile(scen, []byte(fixtureScenario), 0o644); err != nil {
		t.Fatal(err)
	}
	html, pdf, data := filepath.Join(dir, "r.html"), filepath.Join(dir, "r.pdf"), filepath.Join(dir, "data")
	args := []string{"report", db, "--out", html, "--pdf", pdf, "--data", data, "--scenario", scen}
	var out, errb bytes.Buffer
	if code := Execute(args, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	h, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>Run report: fixture</h1>", "Orders fan out", `<h3>Rule orders-all</h3>`,
		`<svg class="chart"`, "ValueError: bad total", "queue full", "orders-all/mns", "shop/bill"} {
		if !bytes.Contains(h, []byte(want)) {
			t.Errorf("the HTML report has no %q", want)
		}
	}
	p, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(p, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(p), []byte("%%EOF")) {
		t.Errorf("the PDF is not a PDF (err %v, %d bytes)", err, len(p))
	}
	f, err := os.Open(filepath.Join(data, "errors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("errors.csv: %v, %d rows", err, len(rows))
	}
	if got := strings.Join(rows[1], ","); got != "orders-all/fn,handler,ValueError: bad total,1" && got != "orders-all/mns,error,queue full,1" {
		t.Errorf("errors.csv first group = %q", got)
	}
	// The same run gives the same bytes.
	html2 := filepath.Join(dir, "r2.html")
	if code := Execute([]string{"report", db, "--out", html2, "--scenario", scen}, nil, &out, &errb); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, errb.String())
	}
	if h2, _ := os.ReadFile(html2); !bytes.Equal(h, h2) {
		t.Error("two reports of the same run differ")
	}
}

func TestReportCommandWithoutScenario(t *testing.T) {
	dir := t.TempDir()
	db := obsRun(t, dir, "run.db", false) // unfinished: no summary either
	html := filepath.Join(dir, "r.html")
	var out, errb bytes.Buffer
	if code := Execute([]string{"report", db, "--out", html}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "does not record its scenario") {
		t.Errorf("no note about the missing scenario: %q", errb.String())
	}
	h, _ := os.ReadFile(html)
	for _, want := range []string{"scenario is not available", "has no summary", `<svg class="chart"`} {
		if !bytes.Contains(h, []byte(want)) {
			t.Errorf("the report has no %q", want)
		}
	}
}

func TestReportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := obsRun(t, dir, "run.db", true)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("version: 1\nrules: 7\n"), 0o644)
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no output", []string{"report", db}, 2, "nothing to write"},
		{"missing run", []string{"report", filepath.Join(dir, "nope.db"), "--out", filepath.Join(dir, "x.html")}, 2, "nope.db"},
		{"bad scenario", []string{"report", db, "--out", filepath.Join(dir, "x.html"), "--scenario", bad}, 2, "--scenario"},
		{"bad flag", []string{"report", db, "--out", filepath.Join(dir, "x.html"), "--dead-letters", "0"}, 2, "--dead-letters"},
		{"unwritable", []string{"report", db, "--out", filepath.Join(dir, "no", "such", "dir", "x.html")}, 1, "no such file"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := Execute(c.args, nil, &out, &errb)
		if code != c.code || !strings.Contains(errb.String(), c.msg) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d mentioning %q", c.name, code, errb.String(), c.code, c.msg)
		}
	}
}

// TestReportOfARealRun runs a shipped scenario for a few simulated minutes into a run
// database and reports it: every record kind the engine writes must read back.
func TestReportOfARealRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the engine")
	}
	for _, name := range []string{"csv-upload-fanout", "retries-and-dlq"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db := realRun(t, dir, name, 5*time.Minute)
			out := os.Getenv("REPORT_OUT")
			if out == "" {
				out = dir
			}
			html, pdf := filepath.Join(out, name+".html"), filepath.Join(out, name+".pdf")
			var o, errb bytes.Buffer
			args := []string{"report", db, "--out", html, "--pdf", pdf, "--data", filepath.Join(out, name+"-data")}
			if code := Execute(args, nil, &o, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			h, _ := os.ReadFile(html)
			if n := bytes.Count(h, []byte(`<svg class="chart"`)); n != 8 {
				t.Errorf("%d charts, want 8", n)
			}
			for _, want := range []string{"using the shipped scenario " + name} {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr %q lacks %q", errb.String(), want)
				}
			}
		})
	}
}

// realRun runs the shipped scenario name for d of simulated time into a run database.
func realRun(t *testing.T, dir, name string, d time.Duration) string {
	t.Helper()
	_, cfg, err := OpenScenario(ShippedPrefix + name)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".db")
	st, err := storage.Create(path, storage.Meta{Scenario: name, Seed: cfg.Seed, Started: fixtureStart, Horizon: d})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Duration, cfg.Sink = d, st.Sink()
	w, err := world.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	w.Run()
	sum, err := json.Marshal(w.Summary())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Finish(sum); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReportCommandWithSweep(t *testing.T) {
	dir := t.TempDir()
	db := obsRun(t, dir, "run.db", true)
	res := sweep.Result{Scenario: "fixture", Function: "shop/bill", CurrentMB: 512, BaselineMB: 512, Sizes: []sweep.Size{
		{MemoryMB: 256, Invocations: 100, P50Ms: 400, P99Ms: 900, ColdStartMs: 600, CostPer1M: 2.1},
		{MemoryMB: 512, Invocations: 100, P50Ms: 210, P99Ms: 450, ColdStartMs: 420, CostPer1M: 2.2},
		{MemoryMB: 1024, Error: "vcpu out of range"}}}
	var js bytes.Buffer
	if err := sweep.WriteJSON(&js, sweep.Evaluate(res, sweep.DefaultObjective())); err != nil {
		t.Fatal(err)
	}
	swPath, bad := filepath.Join(dir, "sweep.json"), filepath.Join(dir, "bad.json")
	os.WriteFile(swPath, js.Bytes(), 0o644)
	os.WriteFile(bad, []byte(`{"sizes": []}`), 0o644)
	html := filepath.Join(dir, "r.html")
	var out, errb bytes.Buffer
	if code := Execute([]string{"report", db, "--out", html, "--sweep", swPath}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	h, _ := os.ReadFile(html)
	for _, want := range []string{`<section id="sweep">`, "Memory sweep of shop/bill", `id="chart-sweep"`, "vcpu out of range"} {
		if !bytes.Contains(h, []byte(want)) {
			t.Errorf("the report has no %q", want)
		}
	}
	if code := Execute([]string{"report", db, "--out", html, "--sweep", bad}, nil, &out, &errb); code != 2 {
		t.Errorf("a file that is no sweep: exit %d, want 2", code)
	}
}
