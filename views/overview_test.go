package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func sampleDoc() ScenarioDoc {
	return ScenarioDoc{
		Name:        "csv-upload-fanout",
		Path:        "scenarios/csv-upload-fanout.yaml",
		Description: "An OSS bucket emits uploads; one rule fans CSV uploads out to four targets.",
		Facts:       []Fact{{"seed", "42"}, {"duration", "1h0m0s"}, {"dialect", "alibaba"}},
		Root: []Node{
			{Kind: "section", Label: "Buses", Children: []Node{
				{Kind: "bus", Label: "default", Detail: "system events"},
			}},
			{Kind: "section", Label: "Rules", Children: []Node{
				{Kind: "rule", Label: "csv-uploads", Detail: "on default", Children: []Node{
					{Kind: "target", Label: "notify", Detail: "notification"},
					{Kind: "target", Label: "index-fn", Detail: "function media/index-fn"},
				}},
			}},
		},
	}
}

func TestOverviewTreeShowsStructure(t *testing.T) {
	test.NewTempApp(t)
	o := NewOverview(sampleDoc())
	tree := o.Tree()
	root := tree.ChildUIDs("")
	if len(root) != 2 {
		t.Fatalf("root children = %d, want 2 sections", len(root))
	}
	id := NodeID(sampleDoc().Root, "Rules", "csv-uploads", "index-fn")
	if id != "1/0/1" {
		t.Fatalf("NodeID = %q, want 1/0/1", id)
	}
	if tree.IsBranch(id) {
		t.Errorf("target %q should be a leaf", id)
	}
	if !tree.IsBranchOpen("1/0") {
		t.Errorf("rule branch should start open")
	}
	var selected string
	tree.OnSelected = func(uid widget.TreeNodeID) { selected = uid }
	tree.Select(id)
	if selected != id {
		t.Errorf("selected %q, want %q", selected, id)
	}
}

func TestOverviewShowsProblems(t *testing.T) {
	test.NewTempApp(t)
	doc := sampleDoc()
	doc.Problems = []Problem{
		{Where: "bad.yaml:3:1", Msg: `unknown field "durration" (did you mean "duration"?)`},
		{Where: "bad.yaml:9:7", Msg: "memory: must be a multiple of 64 MB, got 100MB"},
	}
	o := NewOverview(doc)
	w := test.NewWindow(o.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))
	if o.problems == nil || o.problems.Length() != 2 {
		t.Fatalf("problem list should hold 2 entries")
	}
	if !hasLabel(t, w.Canvas().Content(), "2 problems") {
		t.Errorf("heading '2 problems' not rendered")
	}
}

func TestOverviewWithoutProblemsHasNoList(t *testing.T) {
	test.NewTempApp(t)
	o := NewOverview(sampleDoc())
	if o.problems != nil {
		t.Fatalf("a valid scenario must not show a problem list")
	}
}

// hasLabel reports whether a label with exactly text is in the object tree.
func hasLabel(t *testing.T, o fyne.CanvasObject, text string) bool {
	found := false
	walk(t, o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && l.Text == text {
			found = true
		}
	})
	return found
}

func walk(t *testing.T, o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, ch := range c.Objects {
			walk(t, ch, f)
		}
	case fyne.Widget:
		r := test.TempWidgetRenderer(t, c)
		for _, ch := range r.Objects() {
			walk(t, ch, f)
		}
	}
}
