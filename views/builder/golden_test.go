package builder

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
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

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

// diffPixels counts pixels that differ noticeably (size differences count every pixel).
func diffPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if far(a.At(x, y), b.At(x, y)) {
				n++
			}
		}
	}
	return n
}

func far(c1, c2 interface{ RGBA() (r, g, b, a uint32) }) bool {
	r1, g1, b1, a1 := c1.RGBA()
	r2, g2, b2, a2 := c2.RGBA()
	d := func(x, y uint32) uint32 {
		if x > y {
			return x - y
		}
		return y - x
	}
	const tol = 0x0c00
	return d(r1, r2) > tol || d(g1, g2) > tol || d(b1, b2) > tol || d(a1, a2) > tol
}

func TestRuleBuilderGolden(t *testing.T) {
	newTestApp(t)
	env := testEnv(t)
	env.Generated = 5000 // the GUI's default, as in docs/rule-builder.md
	b := NewRuleBuilder(env, openDefault(t), 0)
	b.Wait()
	buildCSVRuleFresh(t, b)
	b.Wait()
	b.picker.tree.ScrollToTop()
	renderGolden(t, b.Content(), fyne.NewSize(1600, 1240), "rule-builder.png")
}
