package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// svgText parses an SVG document as XML and returns its text content, one string per element.
func svgText(t *testing.T, b []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	root := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("svg is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tk.Name.Local
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(tk)); s != "" {
				out = append(out, s)
			}
		}
	}
	if root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	return out
}

// TestSVG renders every chart type to SVG and checks the title, axis labels (with units) and
// legend entries are present as text.
func TestSVG(t *testing.T) {
	want := map[string][]string{
		"latency":       {"Latency over time", "latency (ms)", "simulated time (min)", "p50", "p90", "p99"},
		"heatmap":       {"Latency heatmap", "latency (ms, log scale)", "count per cell (log)", "1,000"},
		"histogram":     {"warm invocations (20,000)", "cold starts (600)", "latency (ms)", "invocations"},
		"histogram_log": {"latency (ms, log scale)", "invocations"},
		"coldstarts":    {"Cold starts over time", "cold starts per 10 s", "simulated time (min)"},
		"instances":     {"instances", "busy", "idle", "cold-starting", "provisioned"},
		"queues":        {"depth (messages)", "index-fn queue", "notify queue", "index-fn dead letters"},
		"throughput":    {"events/s", "match (%)", "received", "matched", "csv-uploads", "large-images"},
		"cost":          {"cost so far (USD)", "total", "index-fn", "notify", "$0.015"},
		"sweep":         {"Memory sweep", "duration (ms)", "cost (USD)", "cold start (ms)", "memory", "p50", "p99", "optimum", "current", "128 MB", "1 GB", "3 GB", "2.0% errors", "38% cheaper"},
		"sweep_lines":   {"Memory sweep", "p50"},
	}
	for _, c := range chartCases() {
		t.Run(c.name, func(t *testing.T) {
			b, err := SVG(c.build(Options{}), goldenW, goldenH)
			if err != nil {
				t.Fatal(err)
			}
			texts := svgText(t, b)
			all := "\n" + strings.Join(texts, "\n") + "\n"
			for _, w := range want[c.name] {
				if !strings.Contains(all, w) {
					t.Errorf("svg text lacks %q; has %q", w, texts)
				}
			}
			if !bytes.Contains(b, []byte("Arial")) {
				t.Error("svg font-family has no Arial fallback")
			}
		})
	}
	if len(want) != len(chartCases()) {
		t.Errorf("want covers %d cases, there are %d", len(want), len(chartCases()))
	}
}

// TestSVGLegendOnlyWithSeveralSeries checks a one-series chart has no legend entry.
func TestSVGLegendOnlyWithSeveralSeries(t *testing.T) {
	c := Cost([]Series{{Name: "lonely-total", Points: []Point{{0, 0}, {60, 1}}}}, Options{})
	b, err := SVG(c, 400, 300)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(svgText(t, b), "\n"), "lonely-total") {
		t.Error("a single series got a legend")
	}
}
