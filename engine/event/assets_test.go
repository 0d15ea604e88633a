package event

import (
	"os"
	"path/filepath"
	"testing"
)

// TestShippedSampleEvents: every sample event in assets/events is a valid CloudEvent that
// passes the EventBridge rules and matches the catalog entry of its type.
func TestShippedSampleEvents(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "assets", "events", "*.json"))
	if err != nil || len(files) == 0 {
		t.Skip("no assets/events samples")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		e, err := Parse(b)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if err := Validate(e, DefaultLimits()); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if c, ok := Lookup(e.Type); !ok || c.Source != e.Source {
			t.Errorf("%s: type %q / source %q not in the catalog", f, e.Type, e.Source)
		}
	}
}
