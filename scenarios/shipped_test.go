package scenarios

import (
	"reflect"
	"testing"
)

func TestShippedValidate(t *testing.T) {
	list := Shipped()
	if len(list) == 0 || list[0].Name != DefaultName {
		t.Fatalf("Shipped() = %+v, want the default scenario first", list)
	}
	for _, s := range list {
		sc, err := OpenShipped(s.Name)
		if err != nil {
			t.Errorf("%s:\n%v", s.Path, err)
			continue
		}
		if sc.Name != s.Name {
			t.Errorf("%s: name %q, want the file name %q", s.Path, sc.Name, s.Name)
		}
		if s.Description == "" {
			t.Errorf("%s: no description", s.Path)
		}
	}
	if _, err := OpenShipped("no-such"); err == nil {
		t.Error("OpenShipped(no-such) did not fail")
	}
}

// TestDefaultScenario pins the parts of the seed article's scenario that later issues rely on.
func TestDefaultScenario(t *testing.T) {
	sc, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Rules) != 1 || sc.Rules[0].Name != "csv-uploads" {
		t.Fatalf("rules = %+v, want the one rule csv-uploads", sc.Rules)
	}
	var ids []string
	for _, tg := range sc.Rules[0].Targets {
		ids = append(ids, tg.ID+":"+tg.Type)
	}
	want := []string{"notify:notification", "audit-log:logstore", "index-fn:function", "invalidate-fn:function"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("targets = %v, want %v", ids, want)
	}
	if len(sc.Loads) == 0 || len(sc.Expect) == 0 {
		t.Errorf("the default scenario needs loads and expectations")
	}
}

// TestRoundTrip: decode → encode → decode gives an equal Scenario for every shipped scenario.
func TestRoundTrip(t *testing.T) {
	for _, s := range Shipped() {
		a, err := OpenShipped(s.Name)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		text, err := Marshal(a)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		b, err := Parse(s.Path, text, nil)
		if err != nil {
			t.Fatalf("%s: re-parse of the encoded scenario:\n%v\n%s", s.Name, err, text)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: round trip differs\nencoded:\n%s\nfirst:  %+v\nsecond: %+v", s.Name, text, a, b)
		}
	}
}

// BenchmarkParseDefault measures parsing and validating the default scenario.
func BenchmarkParseDefault(b *testing.B) {
	src, err := ShippedSource(DefaultName)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("csv-upload-fanout.yaml", src, nil); err != nil {
			b.Fatal(err)
		}
	}
}
