package main

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// An edit to the open document reaches the next run's configuration, the overview and whoever
// follows the session; an edit that makes the scenario invalid stops runs with a clear error.
func TestSessionFollowsEdits(t *testing.T) {
	test.NewTempApp(t)
	s := openSession("")
	calls := 0
	s.follow(func() { calls++ })
	before := s.overview.Objects[0]
	if err := s.doc.Set("seed", uint64(777)); err != nil {
		t.Fatal(err)
	}
	cfg, err := s.config()
	if err != nil || cfg.Seed != 777 {
		t.Fatalf("config after edit: seed %d, %v", cfg.Seed, err)
	}
	if calls != 1 || s.overview.Objects[0] == before {
		t.Errorf("followers called %d times, overview rebuilt: %v", calls, s.overview.Objects[0] != before)
	}
	if !strings.HasPrefix(s.name(), "● ") {
		t.Errorf("title %q should mark unsaved changes", s.name())
	}
	if err := s.doc.Set("loads[0].bus", "nowhere"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.config(); err == nil {
		t.Errorf("a scenario with problems must not run")
	}
	if n := len(s.viewDoc().Problems); n == 0 {
		t.Errorf("the overview must list the new problem")
	}
	s.doc.Undo()
	if _, err := s.config(); err != nil {
		t.Errorf("after undo the scenario runs again: %v", err)
	}
}

func TestRecoveredShippedScenarioStaysShipped(t *testing.T) {
	if got := recoveredPath("scenarios/retries-and-dlq.yaml"); got != "shipped:retries-and-dlq" {
		t.Errorf("recovered shipped scenario path = %q", got)
	}
	if got := recoveredPath("/home/me/orders.yaml"); got != "/home/me/orders.yaml" {
		t.Errorf("recovered file path = %q", got)
	}
}
