package scenarios

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocExamples: every YAML example in docs/scenario-format.md is valid. A complete scenario
// (starting with version:) must validate clean; a fragment is checked inside a minimal scenario
// and may only fail on references to names it does not declare.
func TestDocExamples(t *testing.T) {
	b, err := os.ReadFile("../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(b), -1)
	if len(blocks) < 6 {
		t.Fatalf("found %d yaml examples, want at least 6", len(blocks))
	}
	refErr := regexp.MustCompile(`unknown (function|queue|bus) `)
	for i, m := range blocks {
		src := m[1]
		complete := strings.HasPrefix(src, "version:")
		if !complete {
			src = "version: 1\n" + src
		}
		for _, d := range parseDiags(t, src) {
			if complete || !refErr.MatchString(d) {
				t.Errorf("example %d: %s\n%s", i+1, d, m[1])
			}
		}
	}
}
