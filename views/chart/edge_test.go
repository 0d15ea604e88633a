package chart

import (
	"bytes"
	"image/png"
	"math"
	"strings"
	"testing"
)

// allCharts builds every chart type from the given inputs.
func allCharts(l Percentiles, h Heatmap, warm, cold Histogram, s Series, st Stacked, ss []Series, sw Sweep) map[string]*Chart {
	return map[string]*Chart{
		"latency":    LatencyOverTime(l, Options{}),
		"heatmap":    LatencyHeatmap(h, Options{}),
		"histogram":  LatencyHistogram(warm, cold, Options{}),
		"histlog":    LatencyHistogram(warm, cold, Options{LogX: true}),
		"coldstarts": ColdStarts(s, Options{}),
		"instances":  Instances(st, Options{}),
		"queues":     QueueDepth(ss, ss, Options{}),
		"throughput": Throughput(ss, ss, Options{}),
		"cost":       Cost(ss, Options{}),
		"sweep":      SweepChart(sw, Options{Lines: true}),
	}
}

// mustRender renders c to PNG and SVG, failing on error or a panic.
func mustRender(t *testing.T, name string, c *Chart) string {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: render panicked: %v", name, r)
		}
	}()
	b, err := PNG(c, 640, 360, DefaultDPI)
	if err != nil {
		t.Fatalf("%s: png: %v", name, err)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatalf("%s: png does not decode: %v", name, err)
	}
	s, err := SVG(c, 640, 360)
	if err != nil {
		t.Fatalf("%s: svg: %v", name, err)
	}
	return strings.Join(svgText(t, s), "\n")
}

func TestEmptyDataShowsNote(t *testing.T) {
	for name, c := range allCharts(Percentiles{}, Heatmap{}, Histogram{}, Histogram{}, Series{}, Stacked{}, nil, Sweep{}) {
		text := mustRender(t, name, c)
		if !strings.Contains(text, NoData) {
			t.Errorf("%s: empty chart lacks %q: %q", name, NoData, text)
		}
		for _, pn := range c.Panels() {
			if !pn.Empty {
				t.Errorf("%s: panel %q not marked empty", name, pn.Title)
			}
		}
	}
}

func TestSinglePoints(t *testing.T) {
	one := []Point{{T: 30, V: 5}}
	l := Percentiles{P50: one, P90: one, P99: one}
	h := Heatmap{Times: []float64{0, 10}, Edges: []float64{0, 100}, Counts: [][]uint64{{1}}}
	hist := Histogram{Edges: []float64{10, 20}, Counts: []uint64{1}}
	st := Stacked{T: []float64{30}, Layers: []Layer{{Name: "busy", V: []float64{2}}}}
	ss := []Series{{Name: "x", Points: one}}
	sw := Sweep{Points: []SweepPoint{{MemoryMB: 512, P50Ms: 10, P99Ms: 20, ColdStartMs: 100, CostPer1M: 1}},
		OptimumMB: 512, BaselineMB: 512}
	for name, c := range allCharts(l, h, hist, hist, Series{Points: one}, st, ss, sw) {
		text := mustRender(t, name, c)
		if strings.Contains(text, NoData) {
			t.Errorf("%s: a single point drew the empty chart", name)
		}
	}
}

func TestHugeAndBadValues(t *testing.T) {
	for _, v := range []float64{1e15, 1e300, -1e12, math.NaN(), math.Inf(1), math.MaxFloat64} {
		pts := []Point{{0, v}, {10, 1}, {math.NaN(), 3}, {20, v}}
		l := Percentiles{P50: pts, P90: pts, P99: pts}
		h := Heatmap{Times: []float64{0, 10, 20}, Edges: []float64{1, v, 1e308},
			Counts: [][]uint64{{math.MaxUint64, 1}, {3, 0}}}
		hist := Histogram{Edges: []float64{0, 1, v}, Counts: []uint64{math.MaxUint64, 7}}
		st := Stacked{T: []float64{0, 10, 20}, Layers: []Layer{{Name: "busy", V: []float64{v, 1, 2}}, {Name: "idle", V: []float64{1}}}}
		ss := []Series{{Name: "a", Points: pts}, {Points: pts}}
		sw := Sweep{Points: []SweepPoint{{128, v, v, v, v, v}, {v, 1, 2, 3, 4, 0}, {256, 1, 2, 3, 4, 0.5}}, OptimumMB: 256, BaselineMB: 128}
		for name, c := range allCharts(l, h, hist, hist, Series{Points: pts}, st, ss, sw) {
			mustRender(t, name, c)
		}
	}
}

func TestHugeValuesLabelCompactly(t *testing.T) {
	pts := []Point{{0, 0}, {60, 4e15}}
	text := mustRender(t, "queues", QueueDepth([]Series{{Name: "q", Points: pts}}, nil, Options{}))
	for _, line := range strings.Split(text, "\n") {
		if len(line) > 40 {
			t.Errorf("label %q is too long to read", line)
		}
	}
	if !strings.Contains(text, "4e+15") {
		t.Errorf("no compact tick label for 4e15 in %q", text)
	}
}

func TestSweepIgnoresUnknownMarkers(t *testing.T) {
	sw := fixSweep()
	sw.OptimumMB, sw.BaselineMB = 999, 777 // not tested sizes
	text := mustRender(t, "sweep", SweepChart(sw, Options{}))
	if strings.Contains(text, "optimum") || strings.Contains(text, "current") {
		t.Errorf("markers drawn for untested sizes: %q", text)
	}
	if SweepSummary(sw) != "" {
		t.Errorf("summary for untested sizes: %q", SweepSummary(sw))
	}
}

func TestSweepSummary(t *testing.T) {
	sw := fixSweep()
	tests := []struct {
		opt, base float64
		obj, want string
	}{
		{512, 128, "balanced", "optimum (balanced): 512 MB — 38% cheaper and 66% faster (p50) than the current 128 MB"},
		{3072, 512, "speed", "optimum (speed): 3 GB — 321% dearer and 17% faster (p50) than the current 512 MB"},
		{512, 512, "cost", "optimum (cost): 512 MB, the current setting"},
		{512, 0, "", ""},
	}
	for _, tc := range tests {
		sw.OptimumMB, sw.BaselineMB, sw.Objective = tc.opt, tc.base, tc.obj
		if got := SweepSummary(sw); got != tc.want {
			t.Errorf("SweepSummary(%v, %v) = %q, want %q", tc.opt, tc.base, got, tc.want)
		}
	}
}
