package builder

import (
	"os"
	"strings"
	"testing"

	"github.com/fanout/fanout/scenarios"
)

// TestDocMatchRateExample: the match-rate example in docs/rule-builder.md is what the preview
// computes for the shipped default scenario.
func TestDocMatchRateExample(t *testing.T) {
	b, err := os.ReadFile("../../docs/rule-builder.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	start := strings.Index(doc, "```\nmatch rate on ")
	if start < 0 {
		t.Fatal("no match-rate example in docs/rule-builder.md")
	}
	block := doc[start+4:]
	block = block[:strings.Index(block, "\n```")]
	sc, err := scenarios.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := ComputeMatchRate(sc, sc.Rules[0], 5000, testEnv(t).Billing, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := RateLine(m) + "\n" + TargetLines(m); got != block {
		t.Errorf("docs/rule-builder.md shows\n%s\nthe preview computes\n%s", block, got)
	}
}
