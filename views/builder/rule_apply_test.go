package builder

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/fanout/fanout/engine/delivery"
)

func TestApplyWritesTheRule(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	before := string(doc.Text())
	b := NewRuleBuilder(testEnv(t), doc, 0)
	b.Wait()
	// Rebuilt by clicks, the pattern is the same: Apply changes nothing in the file.
	buildCSVRuleFresh(t, b)
	b.Apply()
	if string(doc.Text()) != before {
		t.Fatalf("applying the same rule changed the file:\n%s", doc.Text())
	}
	// Now .json instead of .csv, and a dead-letter queue on the notification.
	c := lastCond(t, b, "subject")
	c.value.SetText(".json")
	b.targets.list[0].DeadLetter = &delivery.DeadLetterSpec{Queue: "csv-dlq"}
	b.Apply()
	b.Wait()
	if !strings.Contains(b.status.Text, "applied to rules[0]") {
		t.Fatalf("status %q", b.status.Text)
	}
	got := doc.Scenario().Rules[0]
	if !strings.Contains(string(got.Pattern), `".json"`) || len(doc.Diagnostics()) != 0 {
		t.Fatalf("rule after apply: %s; diagnostics %v", got.Pattern, doc.Diagnostics())
	}
	if dl := got.Targets[0].DeadLetter; dl == nil || dl.Queue != "csv-dlq" {
		t.Errorf("notify's dead letter is %v", dl)
	}
	if !strings.Contains(string(doc.Text()), "# 3. Search index update") {
		t.Errorf("the file's comments were lost")
	}
	// One undoable edit per changed part: the pattern, then the target.
	if !doc.Undo() || !doc.Undo() || string(doc.Text()) != before {
		t.Errorf("two undos do not restore the file")
	}
}

func TestNewRuleAppended(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	b := NewRuleBuilder(testEnv(t), doc, -1)
	buildCSVRule(t, b)
	b.name.SetText("csv-copy")
	b.Apply()
	if !strings.Contains(b.status.Text, "has no targets") {
		t.Errorf("a rule without targets: status %q", b.status.Text)
	}
	test.Tap(b.targets.add)
	b.targets.list[0].Function = "csv-pipeline/index-fn"
	b.targets.xforms[0].form.SetSelected("JSONPATH")
	b.targets.xforms[0].value.SetText("$.data.oss.object")
	b.Apply()
	b.Wait()
	sc := doc.Scenario()
	if len(sc.Rules) != 2 || b.index != 1 || len(doc.Diagnostics()) != 0 {
		t.Fatalf("rules %d, index %d, status %q, diagnostics %v", len(sc.Rules), b.index, b.status.Text, doc.Diagnostics())
	}
	r := sc.Rules[1]
	if r.Name != "csv-copy" || !samePattern(string(r.Pattern), string(sc.Rules[0].Pattern)) ||
		r.Targets[0].Transform == nil || r.Targets[0].Transform.Form != "JSONPATH" {
		t.Errorf("appended rule %+v", r)
	}
}

func TestReloadAfterUndo(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	b := NewRuleBuilder(testEnv(t), doc, 0)
	b.Wait()
	lastCond(t, b, "subject").value.SetText(".json")
	b.Apply()
	doc.Undo()
	b.Reload()
	b.Wait()
	if got := lastCond(t, b, "subject").value.Text; got != ".csv" {
		t.Errorf("after undo and reload the subject suffix is %q", got)
	}
}

func TestNestedOrKeptAsTyped(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	if err := doc.Set("dialect", "aws"); err != nil {
		t.Fatal(err)
	}
	b := NewRuleBuilder(testEnv(t), doc, 0)
	b.Wait()
	rows := b.Form().Rows
	nested := `{"type":["oss:ObjectCreated:PutObject"],"data":{"$or":[{"oss":{"object":{"size":[{"numeric":[">",0]}]}}},{"region":["cn-hangzhou"]}]}}`
	b.pattern.entry.SetText(nested)
	b.Wait()
	if !strings.HasPrefix(b.pattern.errLbl.Text, "the form cannot show this pattern") || !strings.HasPrefix(b.verdict.head.Text, "✓") {
		t.Errorf("note %q, verdict %q", b.pattern.errLbl.Text, b.verdict.head.Text)
	}
	if len(b.Form().Rows) != len(rows) {
		t.Errorf("the form changed")
	}
	b.Apply()
	if got := string(doc.Scenario().Rules[0].Pattern); !samePattern(got, nested) {
		t.Errorf("applied %s", got)
	}
}
