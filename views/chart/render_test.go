package chart

import (
	"bytes"
	"image/png"
	"os/exec"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

func TestRenderSizes(t *testing.T) {
	c := LatencyOverTime(fixLatency(), Options{})
	for _, tc := range []struct{ w, h, dpi int }{{800, 400, 96}, {1600, 800, 192}, {123, 77, 96}, {1, 1, 72}} {
		b, err := PNG(c, tc.w, tc.h, tc.dpi)
		if err != nil {
			t.Fatalf("PNG %+v: %v", tc, err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got.X != tc.w || got.Y != tc.h {
			t.Errorf("PNG %+v: size %v", tc, got)
		}
		if tc.dpi == DefaultDPI {
			if got := Image(c, tc.w, tc.h).Bounds().Size(); got.X != tc.w || got.Y != tc.h {
				t.Errorf("Image %+v: size %v", tc, got)
			}
		}
	}
}

func TestRenderRejectsBadSizes(t *testing.T) {
	c := Cost(fixCost(), Options{})
	for _, tc := range []struct{ w, h, dpi int }{{0, 10, 96}, {10, -1, 96}, {10, 10, 0}, {30000, 10, 96}} {
		if _, err := PNG(c, tc.w, tc.h, tc.dpi); err == nil {
			t.Errorf("PNG %+v: no error", tc)
		}
		if _, err := SVG(c, tc.w, tc.h); err == nil && tc.dpi != 0 {
			t.Errorf("SVG %+v: no error", tc)
		}
		if img := ImageDPI(c, tc.w, tc.h, tc.dpi); img.Bounds().Dx() != 1 {
			t.Errorf("ImageDPI %+v: %v, want a 1×1 placeholder", tc, img.Bounds())
		}
	}
}

func TestRenderDeterministic(t *testing.T) {
	for _, c := range chartCases() {
		a := renderPNG(t, c.build(Options{}))
		b := renderPNG(t, c.build(Options{}))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", c.name)
		}
	}
}

// TestBarePlotIsDrawer checks a *plot.Plot (e.g. a Panel's) renders on its own.
func TestBarePlotIsDrawer(t *testing.T) {
	p := LatencyOverTime(fixLatency(), Options{}).Rows[0].Panels[0].Plot
	var _ Drawer = p
	if _, err := PNG(p, 300, 200, DefaultDPI); err != nil {
		t.Fatal(err)
	}
	var _ Drawer = plot.New()
}

// TestThemesDiffer checks the dark variant really paints a dark page.
func TestThemesDiffer(t *testing.T) {
	img := Image(LatencyOverTime(fixLatency(), Options{Theme: Dark()}), 200, 100)
	r, g, b, _ := img.At(2, 2).RGBA()
	if r>>8 > 0x40 || g>>8 > 0x40 || b>>8 > 0x40 {
		t.Errorf("dark theme background %x %x %x", r>>8, g>>8, b>>8)
	}
	img = Image(LatencyOverTime(fixLatency(), Options{}), 200, 100)
	if r, _, _, _ := img.At(2, 2).RGBA(); r>>8 != 0xff {
		t.Errorf("light theme background red %x", r>>8)
	}
}

// TestNoFyneImport enforces DESIGN.md §4: views/chart draws with gonum/plot and imports no
// Fyne, nor the engine, storage or database packages.
func TestNoFyneImport(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 || !strings.Contains(string(out), "gonum.org/v1/plot\n") {
		t.Fatalf("go list output looks wrong: %d deps", len(deps))
	}
	for _, d := range deps {
		for _, bad := range []string{"fyne.io/", "github.com/fanout/fanout/engine", "github.com/fanout/fanout/storage", "database/sql", "github.com/mattn/go-sqlite3"} {
			if strings.HasPrefix(d, bad) {
				t.Errorf("views/chart depends on %s", d)
			}
		}
	}
}

// TestRedrawIsStable checks drawing does not change a chart: the GUI re-renders the same chart
// on every resize, and must get the same picture back at the same size.
func TestRedrawIsStable(t *testing.T) {
	for _, c := range chartCases() {
		ch := c.build(Options{})
		a := renderPNG(t, ch)
		Image(ch, 333, 211)
		Image(ch, 1400, 900)
		if _, err := SVG(ch, 500, 300); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, renderPNG(t, ch)) {
			t.Errorf("%s: re-rendering at the same size changed the image", c.name)
		}
	}
}

func TestTitleOverride(t *testing.T) {
	b, err := SVG(Cost(fixCost(), Options{Title: "Spend, scenario A"}), 400, 300)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(svgText(t, b), "\n")
	if !strings.Contains(text, "Spend, scenario A") || strings.Contains(text, "Cumulative cost") {
		t.Errorf("title not replaced: %q", text)
	}
}
