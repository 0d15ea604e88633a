// Package golden compares what a Fyne screen renders headless with a golden PNG in the
// package's testdata folder. It is for tests only (it renders with the software driver).
package golden

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Check renders content at size with the light theme and compares it with testdata/name, or
// writes that file when update is set (the caller's -update flag). Any pixel whose colour
// differs by more than a small tolerance on some channel fails the test.
func Check(t testing.TB, content fyne.CanvasObject, size fyne.Size, name string, update bool) {
	t.Helper()
	fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
	w := test.NewWindow(content)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(size)
	img := software.RenderCanvas(w.Canvas(), theme.LightTheme())
	path := filepath.Join("testdata", name)
	if update {
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
	if d := DiffPixels(img, want); d > 0 {
		t.Errorf("%s: %d pixels differ from the golden image (run with -update and review)", name, d)
	}
}

// DiffPixels counts the pixels that differ noticeably; a size difference counts every pixel.
func DiffPixels(a, b image.Image) int {
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

// far reports whether two colours differ by more than anti-aliasing noise on any channel.
func far(c1, c2 color.Color) bool {
	r1, g1, b1, a1 := c1.RGBA()
	r2, g2, b2, a2 := c2.RGBA()
	const tol = 0x0c00
	return diff(r1, r2) > tol || diff(g1, g2) > tol || diff(b1, b2) > tol || diff(a1, a2) > tol
}

func diff(x, y uint32) uint32 {
	if x > y {
		return x - y
	}
	return y - x
}
