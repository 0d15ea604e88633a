package fc

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestDocExamples decodes and validates every YAML example in docs/function-model.md, and runs
// the SimFaaS one briefly to check it is the spec the validation test uses.
func TestDocExamples(t *testing.T) {
	b, err := os.ReadFile("../../docs/function-model.md")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(string(b), "```yaml\n")
	if len(parts) < 3 {
		t.Fatalf("found %d yaml examples, want 2", len(parts)-1)
	}
	for i, p := range parts[1:] {
		src, _, _ := strings.Cut(p, "```")
		svcs := decodeServices(t, src)
		if err := ValidateServices(svcs); err != nil {
			t.Errorf("example %d: %v", i+1, err)
		}
		if svcs[0].Name != "simfaas" {
			continue
		}
		doc := svcs[0].Functions[0].WithDefaults()
		want := simFaaSSpec(SelectNewest).WithDefaults()
		_, c1, _ := runPoisson(t, doc, 0.9, 20000*time.Second, 3)
		_, c2, _ := runPoisson(t, want, 0.9, 20000*time.Second, 3)
		if c1.n != c2.n || c1.cold != c2.cold || c1.execSum != c2.execSum {
			t.Errorf("doc SimFaaS spec differs from the test's: %d/%d/%g vs %d/%d/%g",
				c1.n, c1.cold, c1.execSum, c2.n, c2.cold, c2.execSum)
		}
	}
}
