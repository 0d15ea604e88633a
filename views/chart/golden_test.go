package chart

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// chartCase is one chart type on fixed data, with a mutant that drops one series: the golden
// comparison must reject the mutant, which proves the tolerance cannot hide a missing series.
type chartCase struct {
	name   string
	build  func(Options) *Chart
	mutant func(Options) *Chart
}

func chartCases() []chartCase {
	l := fixLatency()
	h := fixHeatmap()
	warm, cold := fixHistograms()
	cs := fixColdStarts()
	st := fixInstances()
	qs, dlq := fixQueues()
	rates, match := fixThroughput()
	cost := fixCost()
	sw := fixSweep()
	return []chartCase{
		{"latency", func(o Options) *Chart { return LatencyOverTime(l, o) },
			func(o Options) *Chart { m := l; m.P99 = nil; return LatencyOverTime(m, o) }},
		{"heatmap", func(o Options) *Chart { return LatencyHeatmap(h, o) },
			func(o Options) *Chart { m := h; m.Counts = m.Counts[:40]; return LatencyHeatmap(m, o) }},
		{"histogram", func(o Options) *Chart { return LatencyHistogram(warm, cold, o) },
			func(o Options) *Chart { return LatencyHistogram(warm, Histogram{}, o) }},
		{"histogram_log", func(o Options) *Chart { o.LogX = true; return LatencyHistogram(warm, cold, o) },
			func(o Options) *Chart { o.LogX = true; return LatencyHistogram(Histogram{}, cold, o) }},
		{"coldstarts", func(o Options) *Chart { return ColdStarts(cs, o) },
			func(o Options) *Chart {
				m := cs
				m.Points = append(append([]Point(nil), cs.Points[:2]...), cs.Points[3:]...)
				return ColdStarts(m, o)
			}},
		{"instances", func(o Options) *Chart { return Instances(st, o) },
			func(o Options) *Chart { m := st; m.Layers = st.Layers[:3]; return Instances(m, o) }},
		{"queues", func(o Options) *Chart { return QueueDepth(qs, dlq, o) },
			func(o Options) *Chart { return QueueDepth(qs, nil, o) }},
		{"throughput", func(o Options) *Chart { return Throughput(rates, match, o) },
			func(o Options) *Chart { return Throughput(rates, match[:1], o) }},
		{"cost", func(o Options) *Chart { return Cost(cost, o) },
			func(o Options) *Chart { return Cost(cost[:2], o) }},
		{"sweep", func(o Options) *Chart { return SweepChart(sw, o) },
			func(o Options) *Chart { m := sw; m.OptimumMB = 0; return SweepChart(m, o) }},
		{"sweep_lines", func(o Options) *Chart { o.Lines = true; return SweepChart(sw, o) },
			func(o Options) *Chart { return SweepChart(sw, o) }},
	}
}

// darkCases are also rendered with the dark theme.
var darkCases = map[string]bool{"latency": true, "heatmap": true, "instances": true, "sweep": true}

const goldenW, goldenH = 800, 400

func TestGolden(t *testing.T) {
	for _, c := range chartCases() {
		for _, th := range []Theme{Light(), Dark()} {
			if th.Name == "dark" && !darkCases[c.name] {
				continue
			}
			name := c.name
			if th.Name == "dark" {
				name += "_dark"
			}
			t.Run(name, func(t *testing.T) {
				got := renderPNG(t, c.build(Options{Theme: th}))
				path := filepath.Join("testdata", name+".png")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("read golden (run go test -update): %v", err)
				}
				if _, err := similar(got, want); err != nil {
					t.Errorf("%s: %v", path, err)
				}
				n, err := similar(renderPNG(t, c.mutant(Options{Theme: th})), want)
				if err == nil {
					t.Errorf("%s: the mutant with a series dropped matches the golden image", path)
				}
				t.Logf("mutant differs in %d pixels (limit %d)", n, int(maxDiffFrac*goldenW*goldenH))
			})
		}
	}
}

func renderPNG(t testing.TB, c *Chart) []byte {
	t.Helper()
	b, err := PNG(c, goldenW, goldenH, DefaultDPI)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Tolerance of the golden comparison: a pixel differs when a channel differs by more than
// pixelTol (anti-aliasing and rounding differences stay below it), and the images differ when
// more than maxDiffFrac of the pixels do. A 1.5 pt line across the plot is ~0.4% of the pixels.
const (
	pixelTol    = 48
	maxDiffFrac = 0.0008
)

// similar decodes two PNGs, counts the differing pixels and reports an error when they differ
// beyond the tolerance.
func similar(a, b []byte) (int, error) {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return 0, fmt.Errorf("decode got: %w", err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return 0, fmt.Errorf("decode want: %w", err)
	}
	if ia.Bounds() != ib.Bounds() {
		return 0, fmt.Errorf("size %v, want %v", ia.Bounds(), ib.Bounds())
	}
	n := diffPixels(ia, ib)
	total := ia.Bounds().Dx() * ia.Bounds().Dy()
	if float64(n) > maxDiffFrac*float64(total) {
		return n, fmt.Errorf("%d of %d pixels differ (limit %.2f%%)", n, total, maxDiffFrac*100)
	}
	return n, nil
}

// diffPixels counts pixels whose colour channels differ by more than pixelTol.
func diffPixels(a, b image.Image) int {
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, aa := a.At(x, y).RGBA()
			br, bg, bb, ba := b.At(x, y).RGBA()
			if far(ar, br) || far(ag, bg) || far(ab, bb) || far(aa, ba) {
				n++
			}
		}
	}
	return n
}

func far(x, y uint32) bool {
	d := int(x>>8) - int(y>>8)
	return d > pixelTol || d < -pixelTol
}

// TestSimilarTolerance checks the comparator itself: small colour jitter on every pixel plus a
// few scattered wrong pixels (what another rasteriser's anti-aliasing produces) pass.
func TestSimilarTolerance(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "latency.png"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	b := src.Bounds()
	img := image.NewNRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(src.At(x, y)).(color.NRGBA)
			j := uint8((x*7 + y*13) % 41) // deterministic jitter 0..40
			c.R, c.G = jitter(c.R, j), jitter(c.G, 40-j)
			if (x*31+y*17)%1499 == 0 { // ~0.07% of pixels flipped
				c.R, c.G, c.B = 255-c.R, 255-c.G, 255-c.B
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if n, err := similar(buf.Bytes(), want); err != nil {
		t.Errorf("jittered image rejected (%d pixels): %v", n, err)
	}
}

func jitter(v, d uint8) uint8 {
	if v > 127 {
		return v - d
	}
	return v + d
}
