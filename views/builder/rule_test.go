package builder

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/scenarios"
)

// clickField clicks the sample tree's node of a field path, as a user's tap does.
func clickField(t *testing.T, b *RuleBuilder, path string) {
	t.Helper()
	id := b.picker.TreeID(path)
	if id == "" {
		t.Fatalf("no tree node for %s", path)
	}
	b.picker.tree.Select(id)
}

// lastCond returns the widgets of the last condition of the row of path.
func lastCond(t *testing.T, b *RuleBuilder, path string) condUI {
	t.Helper()
	for i, r := range b.form.Rows {
		if r.Path == path {
			cs := b.rowUIs[i].conds
			return cs[len(cs)-1]
		}
	}
	t.Fatalf("no row for %s", path)
	return condUI{}
}

func retype(e interface{ SetText(string) }, s string) { e.SetText(s) }

// buildCSVRule builds the seed article's rule by clicks on the PutObject catalog sample.
func buildCSVRule(t *testing.T, b *RuleBuilder) {
	t.Helper()
	b.picker.source.SetSelected(SourceCatalog)
	b.picker.choice.SetSelected("oss:ObjectCreated:PutObject")

	clickField(t, b, "type") // exact, pre-filled with the sample's value

	clickField(t, b, "data.oss.object.key")
	c := lastCond(t, b, "data.oss.object.key")
	c.op.SetSelected(string(OpPrefix))
	c = lastCond(t, b, "data.oss.object.key")
	c.value.SetText("")
	test.Type(c.value, "uploads/")

	clickField(t, b, "subject")
	c = lastCond(t, b, "subject")
	c.op.SetSelected(string(OpSuffix))
	c = lastCond(t, b, "subject")
	c.value.SetText("")
	test.Type(c.value, ".csv")

	clickField(t, b, "data.oss.object.size")
	c = lastCond(t, b, "data.oss.object.size")
	c.op.SetSelected(string(OpNumeric))
	c = lastCond(t, b, "data.oss.object.size")
	c.cmp.SetSelected(">=")
	c.value.SetText("")
	test.Type(c.value, "1 MB")
}

func TestCSVRuleByClicks(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	b := NewRuleBuilder(testEnv(t), doc, -1)
	buildCSVRule(t, b)
	b.Wait()

	want, err := scenarios.Default()
	if err != nil {
		t.Fatal(err)
	}
	wantPat := string(want.Rules[0].Pattern)
	got, errs := b.Form().JSON()
	if len(errs) > 0 {
		t.Fatalf("form errors: %v", errs)
	}
	if !samePattern(got, wantPat) {
		t.Fatalf("built pattern\n%s\nwant (semantically)\n%s", got, wantPat)
	}
	if !samePattern(b.PatternJSON(), wantPat) {
		t.Fatalf("JSON pane shows\n%s", b.PatternJSON())
	}
	if !strings.HasPrefix(b.verdict.head.Text, "✓") {
		t.Fatalf("verdict %q, want a match on the PutObject sample", b.verdict.head.Text)
	}
}

// buildCSVRuleFresh clears the form (as the user would delete the rows) and builds the rule by
// clicks.
func buildCSVRuleFresh(t *testing.T, b *RuleBuilder) {
	t.Helper()
	for len(b.rowUIs) > 0 && len(b.form.Rows) > 0 {
		test.Tap(b.rowUIs[0].del)
	}
	buildCSVRule(t, b)
}

func TestJSONEditUpdatesForm(t *testing.T) {
	newTestApp(t)
	b := NewRuleBuilder(testEnv(t), openDefault(t), 0)
	b.Wait()
	b.pattern.entry.SetText(`{"source":["acs.oss"],"data":{"oss":{"object":{"size":[{"numeric":[">",0,"<=",5242880]}]}}},"subject":[{"suffix":".jpg"},{"suffix":".png"}]}`)
	b.Wait()
	want := []Row{
		{Path: "source", Conds: []Condition{{Op: OpExact, Kind: kindString, Value: "acs.oss"}}},
		{Path: "data.oss.object.size", Conds: []Condition{{Op: OpNumeric, Cmp: ">", Value: "0", Cmp2: "<=", Value2: "5242880"}}},
		{Path: "subject", Conds: []Condition{{Op: OpSuffix, Value: ".jpg"}, {Op: OpSuffix, Value: ".png"}}},
	}
	if !reflect.DeepEqual(b.Form().Rows, want) {
		t.Fatalf("form rows\n%+v\nwant\n%+v", b.Form().Rows, want)
	}
	// The widgets show the same: the second row's condition is a numeric range.
	c := b.rowUIs[1].conds[0]
	if c.op.Selected != string(OpNumeric) || c.cmp.Selected != ">" || c.value.Text != "0" ||
		c.cmp2.Selected != "<=" || c.value2.Text != "5242880" {
		t.Errorf("numeric row shows %s %s %s %s %s", c.op.Selected, c.cmp.Selected, c.value.Text, c.cmp2.Selected, c.value2.Text)
	}
	if n := len(b.rowUIs[2].conds); n != 2 {
		t.Errorf("subject row has %d conditions, want 2 (OR)", n)
	}
	// ...and a form edit goes back to the JSON.
	test.Tap(b.rowUIs[2].or)
	if !strings.Contains(strings.Join(strings.Fields(b.PatternJSON()), ""), `{"suffix":".png"},"`) {
		t.Errorf("JSON after + OR:\n%s", b.PatternJSON())
	}
}

func TestInvalidJSONShowsErrorInPlace(t *testing.T) {
	newTestApp(t)
	b := NewRuleBuilder(testEnv(t), openDefault(t), 0)
	b.Wait()
	before := b.Form()
	bad := "{\n  \"type\": [\"x\"],\n  \"subject\": [{\"suffix\": \".csv\"}\n}"
	b.pattern.entry.SetText(bad)
	if b.pattern.entry.Text != bad {
		t.Fatalf("the user's text was replaced by %q", b.pattern.entry.Text)
	}
	if !b.pattern.errLbl.Visible() || !strings.HasPrefix(b.pattern.errLbl.Text, "line 4, column 1") {
		t.Fatalf("syntax error shown as %q (visible %v), want line 4, column 1", b.pattern.errLbl.Text, b.pattern.errLbl.Visible())
	}
	if !reflect.DeepEqual(b.Form(), before) {
		t.Errorf("the form changed on invalid JSON")
	}

	// A pattern that parses but does not compile: the error names its JSON path, in the JSON
	// pane and in the row of that field.
	b.pattern.entry.SetText(`{"type":["x"],"data":{"size":[{"numeric":[">=","big"]}]}}`)
	if !strings.HasPrefix(b.pattern.errLbl.Text, "data.size[0]: ") {
		t.Errorf("compile error shown as %q, want it at data.size[0]", b.pattern.errLbl.Text)
	}
	row := b.rowUIs[1]
	if b.form.Rows[1].Path != "data.size" || !row.err.Visible() || !strings.HasPrefix(row.err.Text, "data.size[0]") {
		t.Errorf("row %s shows %q (visible %v)", b.form.Rows[1].Path, row.err.Text, row.err.Visible())
	}
	if b.rowUIs[0].err.Visible() {
		t.Errorf("the valid row shows an error")
	}
}

func TestVerdictIsExplain(t *testing.T) {
	newTestApp(t)
	b := NewRuleBuilder(testEnv(t), openDefault(t), 0)
	b.Wait()
	b.picker.source.SetSelected(SourceCatalog)
	for _, typ := range []string{"oss:ObjectCreated:PutObject", "oss:ObjectRemoved:DeleteObject"} {
		b.picker.choice.SetSelected(typ)
		b.Wait()
		p := pattern.MustCompile(b.PatternJSON(), pattern.Alibaba)
		e := pattern.Explain(p, b.sample.JSON)
		if got, want := b.verdict.notes.Text, ExplainLines(e); got != want {
			t.Errorf("%s: verdict\n%s\nwant\n%s", typ, got, want)
		}
		if got := strings.HasPrefix(b.verdict.head.Text, "✓"); got != e.Matched {
			t.Errorf("%s: head %q, Explain says matched=%v", typ, b.verdict.head.Text, e.Matched)
		}
		if len(e.Fields) != 4 {
			t.Errorf("%s: %d fields explained, want 4", typ, len(e.Fields))
		}
	}
	// The lint of the shipped pattern: numeric >= is not documented by Alibaba Cloud.
	if !strings.Contains(b.verdict.lint.Text, "data.oss.object.size[0]: not-portable") {
		t.Errorf("lint shows %q", b.verdict.lint.Text)
	}
}

func TestMatchRateIsADirectCount(t *testing.T) {
	newTestApp(t)
	env := testEnv(t)
	doc := openDefault(t)
	b := NewRuleBuilder(env, doc, 0)
	b.Wait()

	// Count directly: the same generated events, judged one by one with Explain (not the
	// Matcher the preview uses).
	sc := doc.Scenario()
	l, err := load.Build(sc.Loads[0], load.Env{Streams: sim.NewStreams(sc.Seed), Start: sc.Start, Horizon: sim.Time(sc.Duration.D())})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := l.Sample(env.Generated)
	if err != nil {
		t.Fatal(err)
	}
	p := pattern.MustCompile(string(sc.Rules[0].Pattern), pattern.Alibaba)
	matched := 0
	for _, e := range evs {
		if pattern.Explain(p, e.JSON()).Matched {
			matched++
		}
	}
	if matched == 0 || matched == len(evs) {
		t.Fatalf("degenerate sample: %d of %d match", matched, len(evs))
	}
	want := MatchRate{Events: len(evs), Matched: matched, Rate: float64(matched) / float64(len(evs))}
	if got := b.verdict.rate.Text; got != RateLine(want) {
		t.Errorf("preview %q, direct count %q", got, RateLine(want))
	}
	// Per day: 5 events/s × 86,400 s × the rate, for each target.
	perDay := thousands(5 * 86400 * want.Rate)
	if !strings.Contains(b.verdict.targets.Text, "→ index-fn (function): "+perDay+" invocations/day, ≈ $") {
		t.Errorf("targets:\n%s\nwant %s invocations/day for index-fn with a cost", b.verdict.targets.Text, perDay)
	}
	if !strings.Contains(b.verdict.targets.Text, "function cost at 1 % match") {
		t.Errorf("targets lack the 1 %% vs 10 %% line:\n%s", b.verdict.targets.Text)
	}
}

func TestSixthTargetRefused(t *testing.T) {
	newTestApp(t)
	b := NewRuleBuilder(testEnv(t), openDefault(t), 0)
	b.Wait()
	test.Tap(b.targets.add) // 5
	if len(b.targets.list) != 5 || b.targets.errLbl.Visible() {
		t.Fatalf("fifth target: %d targets, error %q", len(b.targets.list), b.targets.errLbl.Text)
	}
	test.Tap(b.targets.add) // 6: refused
	b.Wait()
	want := `rule "csv-uploads" has 6 targets: the number of targets per rule exceeds the limit of 5`
	if len(b.targets.list) != 5 || !b.targets.errLbl.Visible() || b.targets.errLbl.Text != want {
		t.Errorf("sixth target: %d targets, error %q", len(b.targets.list), b.targets.errLbl.Text)
	}
}

func TestAWSDialectOr(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	if err := doc.Set("dialect", "aws"); err != nil {
		t.Fatal(err)
	}
	b := NewRuleBuilder(testEnv(t), doc, 0)
	b.Wait()
	buildCSVRuleFresh(t, b)
	// subject in one alternative, size in another: suffix .csv OR at least 1 MB.
	b.rowUIs[2].group.SetSelected("$or 1")
	b.rowUIs[3].group.SetSelected("$or 2")
	c := lastCond(t, b, "data.oss.object.key")
	c.op.SetSelected(string(OpWildcard))
	c = lastCond(t, b, "data.oss.object.key")
	c.value.SetText("uploads/*.csv")
	want := `{"type":["oss:ObjectCreated:PutObject"],"data":{"oss":{"object":{"key":[{"wildcard":"uploads/*.csv"}]}}},` +
		`"$or":[{"subject":[{"suffix":".csv"}]},{"data":{"oss":{"object":{"size":[{"numeric":[">=",1048576]}]}}}}]}`
	if got, _ := b.Form().JSON(); got != want {
		t.Fatalf("pattern\n%s\nwant\n%s", got, want)
	}
	if !strings.HasPrefix(b.verdict.head.Text, "✓") {
		t.Errorf("verdict %q", b.verdict.head.Text)
	}
	if !strings.Contains(b.verdict.lint.Text, "$or") {
		t.Errorf("lint does not flag $or:\n%s", b.verdict.lint.Text)
	}
}
