package topology

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// centre returns the middle of the box id in the diagram's coordinates.
func centre(t *testing.T, v *View, id ID) fyne.Position {
	t.Helper()
	g := v.Diagram().Graph()
	i := g.Find(id)
	if i < 0 {
		t.Fatalf("no box %v", id)
	}
	n := g.Nodes[i]
	z := v.Diagram().Zoom()
	return fyne.NewPos((n.X+n.W/2)*z, (n.Y+n.H/2)*z)
}

func TestTapSelects(t *testing.T) {
	test.NewTempApp(t)
	v := New(openShipped(t, "csv-upload-fanout"), nil)
	var kind, name string
	v.OnSelect = func(k, n string) { kind, name = k, n }
	v.Diagram().SetZoom(1.25)
	test.TapAt(v.Diagram(), centre(t, v, ID{KindRule, "csv-uploads"}))
	if kind != KindRule || name != "csv-uploads" {
		t.Fatalf("OnSelect got %q %q", kind, name)
	}
	if k, n := v.Selected(); k != KindRule || n != "csv-uploads" {
		t.Fatalf("selected %q %q", k, n)
	}
	if !strokeIs(t, v.Diagram(), "csv-uploads", theme.Color(theme.ColorNamePrimary)) {
		t.Error("the selected box is not highlighted")
	}
	test.TapAt(v.Diagram(), fyne.NewPos(2, 2)) // empty space keeps the selection
	if k, _ := v.Selected(); k != KindRule {
		t.Error("tapping empty space changed the selection")
	}
	test.TapAt(v.Diagram(), centre(t, v, ID{KindFunction, "csv-pipeline/index-fn"}))
	if kind != KindFunction || name != "csv-pipeline/index-fn" {
		t.Fatalf("OnSelect got %q %q", kind, name)
	}
}

// strokeIs reports whether the box whose title is title has stroke colour c.
func strokeIs(t *testing.T, d *Diagram, title string, c interface{ RGBA() (r, g, b, a uint32) }) bool {
	objs := test.TempWidgetRenderer(t, d).Objects()
	for i, o := range objs {
		txt, ok := o.(*canvas.Text)
		if !ok || txt.Text != title {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if r, ok := objs[j].(*canvas.Rectangle); ok {
				r1, g1, b1, a1 := r.StrokeColor.RGBA()
				r2, g2, b2, a2 := c.RGBA()
				return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
			}
		}
	}
	t.Fatalf("no box titled %q", title)
	return false
}

func TestAddThroughDoc(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "csv-upload-fanout")
	v := New(doc, nil)
	v.Select(KindFunction, "csv-pipeline/index-fn")
	steps := []struct {
		add  func() error
		want ID
	}{
		{v.AddRule, ID{KindRule, "rule-1"}}, // targets the selected function
		{v.AddBus, ID{KindBus, "bus-1"}},
		{v.AddLoad, ID{KindLoad, "load-1"}}, // on the selected new bus
		{v.AddQueue, ID{KindQueue, "queue-1"}},
		{v.AddFunction, ID{KindFunction, "csv-pipeline/function-1"}},
	}
	for i, s := range steps {
		if err := s.add(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if ds := doc.Diagnostics(); len(ds) > 0 {
			t.Fatalf("step %d left problems: %v\n%s", i, ds, doc.Text())
		}
		if k, n := v.Selected(); k != s.want.Kind || n != s.want.Name {
			t.Fatalf("step %d: selected %s %s, want %v", i, k, n, s.want)
		}
	}
	sc := doc.Scenario()
	if r := sc.Rules[1]; r.Targets[0].Function != "csv-pipeline/index-fn" || r.BusOrDefault() != "default" {
		t.Errorf("new rule: %+v", r)
	}
	if l := sc.Loads[1]; l.Bus != "bus-1" {
		t.Errorf("new load on %q, want the selected bus-1", l.Bus)
	}
	for range steps {
		doc.Undo()
	}
	if g := v.Diagram().Graph(); g.Find(ID{KindBus, "bus-1"}) >= 0 || doc.CanUndo() {
		t.Error("undo did not remove the added elements from the diagram")
	}
}

func TestAddToEmptyScenario(t *testing.T) {
	test.NewTempApp(t)
	doc := newDoc(t)
	v := New(doc, nil)
	for _, add := range []func() error{v.AddFunction, v.AddQueue, v.AddRule, v.AddLoad} {
		if err := add(); err != nil {
			t.Fatal(err)
		}
	}
	if ds := doc.Diagnostics(); len(ds) > 0 {
		t.Fatalf("problems: %v\n%s", ds, doc.Text())
	}
}

func TestRenameDialog(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "csv-upload-fanout")
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))
	v := New(doc, w)
	w.SetContent(v.Content())
	v.Select(KindQueue, "csv-dlq")
	v.ShowRename()
	overlay := w.Canvas().Overlays().Top()
	entry := find[*widget.Entry](overlay, func(*widget.Entry) bool { return true })
	if entry == nil || entry.Text != "csv-dlq" {
		t.Fatal("the rename dialog has no entry holding the current name")
	}
	entry.SetText("failed-csv")
	test.Tap(find(overlay, func(b *widget.Button) bool { return b.Text == "Rename" }))
	if k, n := v.Selected(); k != KindQueue || n != "failed-csv" {
		t.Fatalf("selected %s %s after rename", k, n)
	}
	sc := doc.Scenario()
	if sc.Queues[0].Name != "failed-csv" || sc.Rules[0].Targets[3].DeadLetter.Queue != "failed-csv" {
		t.Fatal("rename did not reach the document's references")
	}
	v.Select(KindTarget, "csv-uploads/notify")
	if err := v.RenameSelected("ping"); err != nil || doc.Scenario().Rules[0].Targets[0].ID != "ping" {
		t.Fatalf("rename target: %v", err)
	}
	v.Select(KindFunction, "csv-pipeline/index-fn")
	if err := v.RenameSelected("indexer"); err != nil {
		t.Fatal(err)
	}
	if k, n := v.Selected(); k != KindFunction || n != "csv-pipeline/indexer" {
		t.Fatalf("selected %s %s after renaming a function", k, n)
	}
}

func TestDeleteConfirm(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "retries-and-dlq")
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))
	v := New(doc, w)
	w.SetContent(v.Content())
	before := string(doc.Text())
	v.Select(KindRule, "settle-payments")
	v.ShowDelete()
	test.Tap(find(w.Canvas().Overlays().Top(), func(b *widget.Button) bool { return b.Text == "Yes" }))
	if len(doc.Scenario().Rules) != 0 || v.Diagram().Graph().Find(ID{KindRule, "settle-payments"}) >= 0 {
		t.Fatal("the rule was not deleted")
	}
	if _, ok := v.Diagram().Selected(); ok {
		t.Error("a deleted element stays selected")
	}
	doc.Undo()
	if string(doc.Text()) != before {
		t.Fatal("undo did not restore the rule")
	}
	v.Select(KindTarget, "settle-payments/audit")
	if err := v.DeleteSelected(); err != nil || len(doc.Scenario().Rules[0].Targets) != 1 {
		t.Fatalf("delete target: %v", err)
	}
	v.Select(KindTarget, "settle-payments/settle")
	if v.DeleteSelected() == nil {
		t.Error("deleting a rule's only target: want an error")
	}
	v.Select(KindFunction, "payments/diagnose")
	if err := v.DeleteSelected(); err != nil || len(doc.Scenario().Services[0].Functions) != 1 {
		t.Fatalf("delete function: %v", err)
	}
}

func TestCountsColourBoxes(t *testing.T) {
	test.NewTempApp(t)
	v := New(openShipped(t, "csv-upload-fanout"), nil)
	v.SetCounts(Counts{{KindFunction, "csv-pipeline/index-fn"}: {Text: "⟳ 12", Health: HealthError}})
	if !strokeIs(t, v.Diagram(), "index-fn", theme.Color(theme.ColorNameError)) {
		t.Error("an element in error is not outlined in the error colour")
	}
	found := find(v.Diagram(), func(c *canvas.Text) bool { return c.Text == "⟳ 12" })
	if found == nil {
		t.Error("the count is not drawn")
	}
}
