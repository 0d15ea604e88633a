package builder

import (
	"strings"
	"testing"
)

func TestScreens(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	env := testEnv(t)
	env.Sync = true // the test driver's fyne.Do runs on the worker goroutine: race with the test

	rules := NewRulesScreen(env, doc)
	if got := rules.Picker().Options; len(got) != 2 || got[0] != "csv-uploads" || got[1] != newRuleLabel {
		t.Fatalf("rule picker %v", got)
	}
	fns := NewFunctionsScreen(env, doc)
	fns.Wait()
	if got := strings.Join(fns.Picker().Options, ","); got != "csv-pipeline/index-fn,csv-pipeline/invalidate-fn" {
		t.Errorf("function picker %s", got)
	}
	loads := NewLoadsScreen(env, doc)
	if got := loads.Picker().Options; len(got) != 1 || got[0] != "oss-uploads" {
		t.Errorf("load picker %v", got)
	}

	// A rename elsewhere (here: straight in the document) shows after Reload.
	if err := doc.Set("rules[0].name", "big-csv"); err != nil {
		t.Fatal(err)
	}
	rules.Reload()
	if got := rules.Picker().Options[0]; got != "big-csv" || rules.current != "big-csv" {
		t.Errorf("after rename: picker %q, current %q", got, rules.current)
	}
	fns.Picker().SetSelected("csv-pipeline/invalidate-fn")
	fns.Wait()
	if fns.current != "csv-pipeline/invalidate-fn" || len(fns.body.Objects) != 1 {
		t.Errorf("function screen shows %q", fns.current)
	}
}
