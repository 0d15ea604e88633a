package main

import (
	"os"

	"fyne.io/fyne/v2/test"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/app/driver"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/views"
)

func TestDefaultScenarioDocShowsTheArticleStructure(t *testing.T) {
	test.NewTempApp(t)
	s := openSession("")
	doc := s.viewDoc()
	cfg, err := s.config()
	if err != nil || len(doc.Problems) > 0 {
		t.Fatalf("default scenario must be valid: %v %v", err, doc.Problems)
	}
	if s.doc == nil || s.savePath() != "" {
		t.Errorf("a shipped scenario opens as an editable document saved elsewhere (save path %q)", s.savePath())
	}
	if cfg.Duration <= 0 || cfg.Name != doc.Name {
		t.Errorf("config %q/%v does not match doc %q", cfg.Name, cfg.Duration, doc.Name)
	}
	rule := views.NodeID(doc.Root, "Rules", "csv-uploads")
	if rule == "" {
		t.Fatalf("rule csv-uploads not in the tree")
	}
	var targets []string
	for _, n := range doc.Root[1].Children[0].Children {
		targets = append(targets, n.Label)
	}
	if len(targets) != 4 {
		t.Errorf("csv-uploads has targets %v, want the article's four", targets)
	}
}

func TestInvalidScenarioDocListsProblemsAndKeepsStructure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.yaml")
	src := "version: 1\nname: bad\ndurration: 1h\nloads:\n  - name: l\n    bus: nowhere\n    arrival: {process: poisson, rate: 5/s}\n    events: [{catalog: oss:ObjectCreated:PutObject}]\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	s := openSession(path)
	doc := s.viewDoc()
	if _, err := s.config(); err == nil {
		t.Fatalf("an invalid scenario must not be runnable")
	}
	if len(doc.Problems) < 2 {
		t.Fatalf("problems = %v, want the unknown field and the unknown bus", doc.Problems)
	}
	if !strings.HasPrefix(doc.Problems[0].Where, "bad.yaml:3:") {
		t.Errorf("first problem at %q, want bad.yaml:3:…", doc.Problems[0].Where)
	}
	if views.NodeID(doc.Root, "Loads", "l") == "" {
		t.Errorf("the structure read so far must still be shown")
	}
}

func TestRunStatusFromSummary(t *testing.T) {
	s := world.Summary{
		Events: world.EventCounts{Generated: 1500, Accepted: 1200, Rejected: 300, RejectedBy: map[string]uint64{"too_large": 300}},
		Loads:  map[string]world.LoadCounts{"uploads": {Bus: "default", Generated: 1500}},
		Buses:  map[string]world.BusCounts{"default": {Accepted: 1200, Rejected: 300}},
		Expect: []world.ExpectResult{{Name: "x", Assert: "events.rejected == 0", Passed: false}},
	}
	st := runStatus(driver.Update[world.Summary]{State: driver.Running, Sim: time.Minute, Horizon: time.Hour, Snapshot: s})
	if st.State != "running" || st.Sim != time.Minute {
		t.Errorf("state %q sim %v", st.State, st.Sim)
	}
	var rejected views.Tile
	for _, tile := range st.Tiles {
		if tile.Label == "rejected" {
			rejected = tile
		}
	}
	if rejected.Value != "300" || !rejected.Attention {
		t.Errorf("rejected tile %+v, want 300 needing attention", rejected)
	}
	if len(st.Rows) != 3 || st.Rows[2][0] != "bus default" || st.Rows[2][2] != "1,200" || st.Rows[2][3] != "300" {
		t.Errorf("rows = %v", st.Rows)
	}
	if len(st.Expect) != 1 || st.Expect[0].Passed {
		t.Errorf("expect = %+v", st.Expect)
	}
	if views.Count(1234567) != "1,234,567" || views.Count(12) != "12" {
		t.Errorf("count formatting: %s %s", views.Count(1234567), views.Count(12))
	}
}
