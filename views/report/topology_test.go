package report

import (
	"strings"
	"testing"
)

func TestTopologyGraph(t *testing.T) {
	sc := fixtureInput(t).Scenario
	g := topologyGraph(sc)
	var got []string
	for _, e := range g.edges {
		from, to := g.nodes[e.from], g.nodes[e.to]
		line := from.label + " -> " + to.label
		if e.dashed {
			line += " (dead letter)"
		}
		got = append(got, line)
	}
	want := []string{
		"oss-uploads -> default",
		"default -> csv-uploads",
		"csv-uploads -> notify", "csv-uploads -> audit-log",
		"csv-uploads -> index-fn", "index-fn -> csv-dlq (dead letter)",
		"csv-uploads -> invalidate-fn", "invalidate-fn -> csv-dlq (dead letter)",
		"csv-dlq -> csv-pipeline/invalidate-fn",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	cols := map[string]int{}
	for _, n := range g.nodes {
		cols[n.label] = n.col
	}
	for label, col := range map[string]int{"oss-uploads": 0, "default": 1, "csv-uploads": 2, "notify": 3, "csv-dlq": 4, "csv-pipeline/invalidate-fn": 5} {
		if cols[label] != col {
			t.Errorf("%s in column %d, want %d", label, cols[label], col)
		}
	}
	svg := topology(g)
	if !strings.HasPrefix(svg, "<svg") || strings.Count(svg, "<rect") != len(g.nodes) || strings.Count(svg, `marker-end=`) != len(g.edges) {
		t.Errorf("the SVG does not draw %d boxes and %d arrows", len(g.nodes), len(g.edges))
	}
	if topology(graph{}) != "" {
		t.Error("an empty graph gives an SVG")
	}
}
