package builder

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/scenarios"
)

// RuleBuilder is the rule builder screen: a sample event as a tree on the left; the
// conditions, the editable pattern JSON, the verdict and match-rate preview and the targets on
// the right. Apply writes the rule into the document.
type RuleBuilder struct {
	env     Env
	doc     Doc
	index   int // the rule's index in the document's rules; -1 for a new rule
	sc      *scenarios.Scenario
	dialect pattern.Dialect

	form   Form
	sample Sample
	kinds  map[string]string // field path → kind of its value in the sample
	texts  map[string]string // field path → its value's text in the sample

	picker *samplePicker
	rows   *fyne.Container
	rowUIs []*rowUI
	// formStale: the JSON pane holds a pattern the form cannot show; it is the pattern.
	formStale bool
	pattern   *patternPane
	verdict   *verdictPane
	targets   *targetsEditor
	name      *widget.Entry
	bus       *widget.Select
	status    *widget.Label
	content   fyne.CanvasObject
	work      worker
}

// NewRuleBuilder opens rule index of doc (index -1 starts a new rule, appended on Apply).
func NewRuleBuilder(env Env, doc Doc, index int) *RuleBuilder {
	b := &RuleBuilder{env: env, doc: doc, index: index, work: worker{sync: env.Sync}}
	b.sc = doc.Scenario()
	if b.sc == nil {
		b.sc = &scenarios.Scenario{}
	}
	b.dialect, _ = pattern.ParseDialect(b.sc.Dialect)
	rule := b.rule()
	b.name = widget.NewEntry()
	b.name.SetText(rule.Name)
	b.name.SetPlaceHolder("rule name")
	b.bus = widget.NewSelect(busNames(b.sc), nil)
	b.bus.Selected = rule.BusOrDefault()
	b.bus.OnChanged = func(string) { b.formChanged() }
	b.status = widget.NewLabel("")
	b.status.Wrapping = fyne.TextWrapWord
	b.rows = container.NewVBox()
	b.pattern = newPatternPane(b)
	b.verdict = newVerdictPane()
	b.targets = newTargetsEditor(b, rule.Targets)
	b.picker = newSamplePicker(b)
	if f, err := ParseForm(string(rule.Pattern)); err == nil {
		b.form = f
	}
	b.content = b.layout()
	b.picker.start()
	b.formChanged()
	return b
}

// Reload re-reads the rule from the document (after an undo, or an edit made elsewhere) and
// shows it, keeping the sample event.
func (b *RuleBuilder) Reload() {
	if sc := b.doc.Scenario(); sc != nil {
		b.sc = sc
	}
	b.dialect, _ = pattern.ParseDialect(b.sc.Dialect)
	rule := b.rule()
	b.name.SetText(rule.Name)
	b.bus.Options = busNames(b.sc)
	b.bus.Selected = rule.BusOrDefault()
	b.bus.Refresh()
	if f, err := ParseForm(string(rule.Pattern)); err == nil {
		b.form = f
	}
	b.targets.list = append([]bus.TargetSpec(nil), rule.Targets...)
	b.targets.render()
	b.formChanged()
}

// rule returns the rule being edited as the document has it (an empty rule for a new one).
func (b *RuleBuilder) rule() bus.RuleSpec {
	if b.index >= 0 && b.index < len(b.sc.Rules) {
		return b.sc.Rules[b.index]
	}
	return bus.RuleSpec{Name: "new-rule", Bus: bus.DefaultBusName, Pattern: bus.Pattern("{}")}
}

// Content is the screen's root object.
func (b *RuleBuilder) Content() fyne.CanvasObject { return b.content }

// Form returns the pattern's rows as the form holds them.
func (b *RuleBuilder) Form() Form { return b.form }

// PatternJSON returns the pattern text shown in the JSON pane.
func (b *RuleBuilder) PatternJSON() string { return b.pattern.entry.Text }

// Wait blocks until pending previews are delivered (for tests and headless use; not on the
// Fyne thread).
func (b *RuleBuilder) Wait() { b.work.Wait() }

func (b *RuleBuilder) layout() fyne.CanvasObject {
	conds := widget.NewCard("", "Conditions", container.NewVScroll(b.rows))
	hint := widget.NewLabel("Click a field of the sample to add a condition. Conditions on one field are alternatives (OR); fields must all hold (AND).")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	condBox := container.NewBorder(nil, hint, nil, nil, conds)
	right := container.NewVSplit(
		container.NewHSplit(condBox, b.pattern.content),
		container.NewHSplit(b.verdict.content, b.targets.content))
	right.Offset = 0.5
	apply := widget.NewButton("Apply to scenario", b.Apply)
	apply.Importance = widget.HighImportance
	header := container.NewBorder(nil, nil, widget.NewLabel("Rule"),
		container.NewHBox(widget.NewLabel("on bus"), b.bus, apply), b.name)
	main := container.NewHSplit(b.picker.content, right)
	main.Offset = 0.28
	return container.NewBorder(header, b.status, nil, nil, main)
}

// formChanged re-renders the rows and the JSON after a change made in the form.
func (b *RuleBuilder) formChanged() {
	b.formStale = false
	b.renderRows()
	js, errs := b.form.JSON()
	b.pattern.show(js, errs)
	b.evaluate(js)
}

// jsonChanged takes a pattern typed in the JSON pane: the form follows when the text parses.
// A pattern the form cannot hold ($or below the top level) is still judged and can be
// applied; the form then stays as it was, marked stale.
func (b *RuleBuilder) jsonChanged(text string) {
	root, err := parseNode([]byte(text))
	if err != nil {
		b.pattern.fail(err)
		b.verdict.clear("fix the pattern JSON to see the verdict")
		return
	}
	f, ferr := ParseForm(text)
	b.formStale = ferr != nil
	if ferr == nil {
		b.form = f
		b.renderRows()
	}
	b.evaluate(root.compact())
	if ferr != nil {
		b.pattern.fail(fmt.Errorf("the form cannot show this pattern (the JSON is used as typed): %w", ferr))
	}
}

// currentJSON is the pattern as compact JSON: the form's, or the typed text when the form
// cannot hold it.
func (b *RuleBuilder) currentJSON() (string, []FormError) {
	if b.formStale {
		if n, err := parseNode([]byte(b.pattern.entry.Text)); err == nil {
			return n.compact(), nil
		}
	}
	return b.form.JSON()
}

// evaluate compiles the pattern and refreshes the verdict, the lint and the match rate.
func (b *RuleBuilder) evaluate(js string) {
	p, err := pattern.Compile([]byte(js), b.dialect)
	if err != nil {
		b.pattern.fail(err)
		b.markRows(err)
		b.verdict.clear("the pattern does not compile")
		return
	}
	b.pattern.ok()
	b.markRows(nil)
	b.verdict.showExplain(pattern.Explain(p, b.sample.JSON))
	b.verdict.showLint(pattern.Lint(p, b.dialect, b.picker.known()))
	b.previewMatchRate(js)
}

// previewMatchRate runs the pattern over generated events off the Fyne thread.
func (b *RuleBuilder) previewMatchRate(js string) {
	rule := b.rule()
	rule.Bus = b.bus.Selected
	rule.Pattern = bus.Pattern(js)
	rule.Targets = b.targets.specs()
	sc, n, bill, rf := b.sc, b.env.generated(), b.env.Billing, b.env.ReadFile
	b.verdict.rate.SetText("match rate: computing…")
	run(&b.work, func() rateResult {
		mr, err := ComputeMatchRate(sc, rule, n, bill, rf)
		return rateResult{mr, err}
	}, func(r rateResult) { b.verdict.showRate(r.MatchRate, r.err) })
}

type rateResult struct {
	MatchRate
	err error
}

// Apply writes the rule (name, pattern, targets) into the document.
func (b *RuleBuilder) Apply() {
	js, errs := b.currentJSON()
	if len(errs) > 0 {
		b.setStatus(fmt.Errorf("not applied: %v", errs[0]))
		return
	}
	if _, err := pattern.Compile([]byte(js), b.dialect); err != nil {
		b.setStatus(fmt.Errorf("not applied: pattern: %w", err))
		return
	}
	rule := b.rule()
	rule.Name = b.name.Text
	rule.Bus = b.bus.Selected
	rule.Pattern = bus.Pattern(js)
	rule.Targets = b.targets.specs()
	if err := rule.Validate(); err != nil {
		b.setStatus(fmt.Errorf("not applied: %w", err))
		return
	}
	if err := b.write(rule); err != nil {
		b.setStatus(fmt.Errorf("not applied: %w", err))
		return
	}
	b.sc = b.doc.Scenario()
	b.status.Importance = widget.SuccessImportance
	b.status.SetText(fmt.Sprintf("applied to rules[%d] (%s)", b.index, rule.Name))
}

// write sets the changed parts of the rule in the document; a new rule is appended whole.
func (b *RuleBuilder) write(rule bus.RuleSpec) error {
	if b.index < 0 || b.index >= len(b.sc.Rules) {
		if err := b.doc.Append("rules", rule); err != nil {
			return err
		}
		if sc := b.doc.Scenario(); sc != nil {
			b.index = len(sc.Rules) - 1
		}
		return nil
	}
	old := b.sc.Rules[b.index]
	at := fmt.Sprintf("rules[%d]", b.index)
	if old.Name != rule.Name {
		if err := b.doc.Set(at+".name", rule.Name); err != nil {
			return err
		}
	}
	if old.BusOrDefault() != rule.BusOrDefault() {
		if err := b.doc.Set(at+".bus", rule.Bus); err != nil {
			return err
		}
	}
	if !samePattern(string(old.Pattern), string(rule.Pattern)) {
		if err := b.doc.Set(at+".pattern", rule.Pattern); err != nil {
			return err
		}
	}
	return writeTargets(b.doc, at+".targets", old.Targets, rule.Targets)
}

func (b *RuleBuilder) setStatus(err error) {
	b.status.Importance = widget.DangerImportance
	b.status.SetText(err.Error())
}

// busNames lists the scenario's buses, the default bus first (it exists even when not listed).
func busNames(sc *scenarios.Scenario) []string {
	out := []string{bus.DefaultBusName}
	for _, b := range sc.Buses {
		if b.Name != bus.DefaultBusName {
			out = append(out, b.Name)
		}
	}
	return out
}
