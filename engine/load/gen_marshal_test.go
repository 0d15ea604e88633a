package load

import (
	"testing"

	"github.com/goccy/go-yaml"
)

// Choices over booleans and numbers must survive a YAML round trip with their types.
func TestChoiceOfNonStringsRoundTrips(t *testing.T) {
	src := "choice:\n  - {value: true, weight: 3}\n  - {value: false, weight: 1}\n"
	var g Gen
	if err := yaml.Unmarshal([]byte(src), &g); err != nil {
		t.Fatal(err)
	}
	out, err := yaml.Marshal(g)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var back Gen
	if err := yaml.Unmarshal(out, &back); err != nil {
		t.Fatalf("unmarshal %s: %v", out, err)
	}
	if len(back.Choice) != 2 || back.Choice[0].Value.V != true || back.Choice[1].Value.V != false {
		t.Errorf("round trip gave %+v from %s", back.Choice, out)
	}
}
