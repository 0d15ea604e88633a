package topology

import (
	"flag"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/scenarios/edit"
	"github.com/fanout/fanout/views/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// openShipped opens a shipped scenario as an editable document.
func openShipped(t *testing.T, name string) *edit.Doc {
	t.Helper()
	src, err := scenarios.ShippedSource(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := edit.Open(name+".yaml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// renderGolden compares content rendered at size with testdata/name (see views/internal/golden).
func renderGolden(t *testing.T, content fyne.CanvasObject, size fyne.Size, name string) {
	t.Helper()
	golden.Check(t, content, size, name, *update)
}

// newDoc makes an empty scenario document.
func newDoc(t *testing.T) *edit.Doc {
	t.Helper()
	return edit.New("empty")
}

// find returns the first object of type T in o's tree for which ok holds.
func find[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) T {
	var zero T
	if t, is := o.(T); is && ok(t) {
		return t
	}
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	for _, k := range kids {
		if f := find(k, ok); fyne.CanvasObject(f) != nil && any(f) != any(zero) {
			return f
		}
	}
	return zero
}
