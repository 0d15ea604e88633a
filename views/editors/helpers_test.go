package editors

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/scenarios/edit"
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

// renderGolden renders content at size with the light theme and compares it with (or, with
// -update, writes) testdata/name.
func renderGolden(t *testing.T, content fyne.CanvasObject, size fyne.Size, name string) {
	t.Helper()
	fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
	w := test.NewWindow(content)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(size)
	img := software.RenderCanvas(w.Canvas(), theme.LightTheme())
	path := filepath.Join("testdata", name)
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden %s missing (run with -update): %v", path, err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffPixels(img, want); d > 0 {
		t.Errorf("%s: %d pixels differ from the golden image (run with -update and review)", name, d)
	}
}

// diffPixels counts pixels that differ noticeably (a size difference counts every pixel).
func diffPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*0x1800 {
				n++
			}
		}
	}
	return n
}

func absDiff(x, y uint32) uint32 {
	if x > y {
		return x - y
	}
	return y - x
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
